/**
 * The chat-bot wire adapter: TrueConf Chatbot Connector compatible (docs/bridge.md). HTTP — the OAuth
 * password grant, {@code /api/v4/server}, file upload and download — and the bot socket: frames
 * ({@code Frame}, {@code Payload}), authorization, acknowledgements and the unread backlog
 * ({@code BotProtocol}), the method table ({@code BotMethods}), protocol JSON ({@code ChatJson}) with
 * the protocol's numbers and names for the chat domain's words ({@code ChatCodes}), error codes
 * ({@code ErrorCodes}, the one place failures become codes) and the relay of chat events to connected
 * bots ({@code ChatRelay}, {@code BotConnections}). It works on the domain's views and on
 * {@code access.BotPrincipal}, never on an entity ({@code BridgeRulesTest}).
 */
package org.anteroom.bridge;
