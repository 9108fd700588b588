/**
 * The presence contract ({@code ../shared/spec/presence-api.txt}) under {@code /presence}: the
 * {@code sess…} cookie and its filter, JSON request bodies read field by field, wire records with
 * epoch-millisecond timestamps (the member's, and the wire names of devices, user types and login
 * methods, in {@code MemberCodec} only), and {@code {"error": "..."}} bodies produced in one mapper. Its
 * realtime half, the hub socket, is {@code presence.hub}. The domain behind it lives in
 * {@code access}, {@code directory}, {@code rooms} and {@code chat}.
 */
package org.anteroom.presence;
