package org.anteroom.chat;

import java.time.Instant;
import java.util.List;

import org.anteroom.chat.Views.ChatView;
import org.anteroom.chat.Views.FileView;
import org.anteroom.chat.Views.MessageView;

/**
 * What happens in chats, fired by the chat facades inside their transaction with the ids of the
 * users to tell (the actor is left out: it has its answer). The bridge and the hub send them once
 * the transaction committed, in the order fired ({@code platform.AfterCommit}, decision 0018).
 * {@code roomId} is set for a room's group chat.
 */
public sealed interface ChatEvent {

    List<String> recipients();

    record MessagePosted(MessageView message, String roomId, List<String> recipients) implements ChatEvent {}

    record MessageEdited(MessageView message, String roomId, List<String> recipients) implements ChatEvent {}

    record MessageRemoved(String chatId, long messageId, Author removedBy, String roomId, List<String> recipients)
            implements ChatEvent {}

    record ParticipantAdded(String chatId, Author user, Author addedBy, Instant at, List<String> recipients)
            implements ChatEvent {}

    record ParticipantRemoved(String chatId, Author user, Author removedBy, Instant at, List<String> recipients)
            implements ChatEvent {}

    record RoleChanged(String chatId, Author user, ChatRole role, Instant at, List<String> recipients)
            implements ChatEvent {}

    record ChatCreated(ChatView chat, List<String> recipients) implements ChatEvent {}

    record ChatRemoved(String chatId, List<String> recipients) implements ChatEvent {}

    record TitleEdited(String chatId, String title, Instant at, List<String> recipients) implements ChatEvent {}

    record AvatarEdited(String chatId, FileView avatar, List<String> recipients) implements ChatEvent {}

    record HistoryCleared(String chatId, boolean forAll, List<String> recipients) implements ChatEvent {}
}
