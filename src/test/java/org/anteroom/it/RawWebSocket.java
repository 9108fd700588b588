package org.anteroom.it;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A bare WebSocket client (RFC 6455) over a plain socket, for what the JDK's client cannot do: send
 * a large message as ONE frame (the JDK cuts messages into 16 KiB fragments), as other bot clients
 * do, or in fragments of a chosen size, and read the close code the server answers with, even when
 * it closed before the whole message was out.
 */
public final class RawWebSocket implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int CONTINUATION = 0;
    private static final int TEXT = 1;
    private static final int CLOSE = 8;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Opens the socket at this ws:// address; fails unless the server switches protocols. */
    public static RawWebSocket open(URI uri, String subprotocol) {
        return open(uri, subprotocol, uri.getHost() + ":" + uri.getPort());
    }

    /** Opens the socket with this {@code Host} header, as a client reaching the server by another name would. */
    public static RawWebSocket open(URI uri, String subprotocol, String host) {
        try {
            RawWebSocket client = new RawWebSocket(new Socket(uri.getHost(), uri.getPort()));
            client.socket.setSoTimeout(60_000);
            byte[] key = new byte[16];
            RANDOM.nextBytes(key);
            String request = "GET " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + " HTTP/1.1\r\nHost: " + host
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                    + Base64.getEncoder().encodeToString(key) + "\r\n"
                    + (subprotocol == null ? "" : "Sec-WebSocket-Protocol: " + subprotocol + "\r\n") + "\r\n";
            client.out.write(request.getBytes(StandardCharsets.US_ASCII));
            client.out.flush();
            String head = client.head();
            if (!head.startsWith("HTTP/1.1 101")) {
                throw new IllegalStateException("No WebSocket upgrade: " + head);
            }
            return client;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String head() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            head.write(in.readUnsignedByte());
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** Sends the text as one final frame. False when the server closed the connection before all of it was out. */
    public boolean sendText(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        return sendFragments(text, Math.max(1, payload.length));
    }

    /** Sends the text as fragments of this many bytes, as the JDK's client does (16 KiB). */
    public boolean sendFragments(String text, int fragmentBytes) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        try {
            int offset = 0;
            do {
                int length = Math.min(fragmentBytes, payload.length - offset);
                boolean last = offset + length == payload.length;
                writeFrame(last, offset == 0 ? TEXT : CONTINUATION, payload, offset, length);
                offset += length;
            } while (offset < payload.length);
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void writeFrame(boolean last, int opcode, byte[] payload, int offset, int length) throws IOException {
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.write((last ? 0x80 : 0) | opcode);
        if (length < 126) {
            header.write(0x80 | length);
        } else if (length < 65536) {
            header.write(0x80 | 126);
            header.write(length >>> 8);
            header.write(length);
        } else {
            header.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                header.write((int) ((long) length >>> shift));
            }
        }
        header.writeBytes(mask);
        byte[] masked = new byte[length];
        for (int i = 0; i < length; i++) {
            masked[i] = (byte) (payload[offset + i] ^ mask[i % 4]);
        }
        out.write(header.toByteArray());
        out.write(masked);
    }

    /** The next text message (control frames before it are skipped); null once the server closed. */
    public String readText() {
        while (true) {
            Frame frame = frame();
            if (frame == null || frame.opcode() == CLOSE) {
                return null;
            }
            if (frame.opcode() == TEXT) {
                return new String(frame.payload(), StandardCharsets.UTF_8);
            }
        }
    }

    /** Reads until the server's close frame and returns its code; 1006 when the connection ended without one. */
    public int closeCode() {
        while (true) {
            Frame frame = frame();
            if (frame == null) {
                return 1006;
            }
            if (frame.opcode() == CLOSE) {
                return frame.payload().length < 2
                        ? 1005
                        : ((frame.payload()[0] & 0xff) << 8) | (frame.payload()[1] & 0xff);
            }
        }
    }

    private record Frame(int opcode, byte[] payload) {}

    private Frame frame() {
        try {
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            long length = second & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] payload = new byte[Math.toIntExact(length)];
            in.readFully(payload);
            return new Frame(first & 0x0f, payload);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Closed already.
        }
    }
}
