/**
 * The chat-bot wire adapter: TrueConf Chatbot Connector compatible (docs/bridge.md). HTTP — the OAuth
 * password grant, {@code /api/v4/server}, file upload and download — and the bot socket: frames
 * ({@code Frame}, {@code Payload}), authorization, acknowledgements and the unread backlog
 * ({@code BotProtocol}), the method table ({@code BotMethods}), protocol JSON ({@code ChatJson}),
 * error codes ({@code ErrorCodes}, the one place failures become codes) and the relay of chat events
 * to connected bots ({@code ChatRelay}, {@code BotConnections}).
 */
package org.anteroom.bridge;
