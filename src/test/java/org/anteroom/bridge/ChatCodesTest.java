package org.anteroom.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.anteroom.chat.ChatRole;
import org.anteroom.chat.ChatType;
import org.anteroom.chat.MessageKind;
import org.junit.jupiter.api.Test;

/** The protocol's numbers and names (chatbot-protocol.md, section 8) for the chat domain's words. */
class ChatCodesTest {

    @Test
    void chatTypesAndMessageTypesHaveTheProtocolsNumbers() {
        assertEquals(
                List.of(1, 2, 5, 6),
                Arrays.stream(ChatType.values()).map(ChatCodes::chatType).toList());
        assertEquals(
                List.of(200, 202, 201),
                Arrays.stream(MessageKind.values()).map(ChatCodes::messageType).toList());
    }

    @Test
    void rolesHaveTheProtocolsNamesBothWays() {
        assertEquals(
                List.of("owner", "admin", "user", "conf_owner", "conf_moderator", "favorites_owner", "writer"),
                Arrays.stream(ChatRole.values()).map(ChatCodes::role).toList());
        for (ChatRole role : ChatRole.values()) {
            assertEquals(Optional.of(role), ChatCodes.role(ChatCodes.role(role)));
        }
    }

    @Test
    void aNameTheProtocolDoesNotHaveIsNoRole() {
        assertEquals(Optional.empty(), ChatCodes.role("OWNER"));
        assertEquals(Optional.empty(), ChatCodes.role("moderator"));
        assertEquals(Optional.empty(), ChatCodes.role(""));
        assertEquals(Optional.empty(), ChatCodes.role((String) null));
    }
}
