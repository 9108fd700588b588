/**
 * The realtime hub: the {@code /hubs/presence} WebSocket that a session opens after
 * {@code GET /presence/negotiate}, and the relay that turns committed room events into JSON messages
 * for the connections of the people concerned (docs/hub-events.md). Sends never block: each connection
 * has its own bounded queue, so one slow or dead socket cannot delay the others.
 */
package org.anteroom.hub;
