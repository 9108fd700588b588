/**
 * The realtime half of the presence adapter: the {@code /hubs/presence} WebSocket that a session opens
 * after {@code GET /presence/negotiate}, and the relays that turn committed room, chat and access
 * events into JSON messages for the connections of the people concerned (docs/hub-events.md). It lives
 * under {@code presence} because it speaks the same contract (the same member and message shapes) as
 * the REST half: the room frames carry {@code MemberCodec}'s member record, serialized by the same JSON-B.
 * Connections are kept by user id, as the domain's events name users. Sends never block: each
 * connection has its own bounded queue, so one slow or dead socket cannot delay the others. Every frame
 * of a room's traffic or of a user is numbered in its stream ({@code Streams}, decision 0027), so that a
 * socket that reconnects, to any node, resumes where it left off.
 */
package org.anteroom.presence.hub;
