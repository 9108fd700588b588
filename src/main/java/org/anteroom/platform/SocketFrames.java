package org.anteroom.platform;

import java.util.List;

/**
 * Frames for sockets that one transaction produced, numbered in their streams ({@link StreamLog}) and rendered
 * once, on the node that committed it. Fired inside that transaction so that the other nodes of a cluster send
 * the very same frames to their sockets (cluster mode); this node sends its own after the commit.
 *
 * @param frames in the order they go out
 */
public record SocketFrames(List<Frame> frames) {

    /** A frame of a stream: {@code room:<id>} or {@code user:<id>}, as {@link StreamLog} names them. */
    public record Frame(String stream, long seq, String text) {}
}
