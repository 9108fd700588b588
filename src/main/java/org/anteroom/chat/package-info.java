/**
 * Chats: p2p, group, channel and favorites chats, participants with roles, messages and their
 * per-recipient delivery state, and uploaded files. {@code Chats} runs chats and participants,
 * {@code Messages} sends, edits, removes, reads and acknowledges, {@code ChatFiles} takes uploads,
 * {@code RoomChats} keeps every room's group chat in step with the room's members; {@code ChatLedger}
 * is what they share. Every change fires a {@code ChatEvent} that wire adapters (the bridge, the hub)
 * observe after the commit (decision 0008). Nothing here knows a wire protocol.
 */
package org.anteroom.chat;
