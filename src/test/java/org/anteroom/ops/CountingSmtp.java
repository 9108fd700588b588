package org.anteroom.ops;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Just enough of an SMTP server to answer a connection check (greeting, EHLO, NOOP, QUIT) and to count the
 * connections: what a probe storm costs the mail server.
 */
final class CountingSmtp implements AutoCloseable {

    private final ServerSocket listener;
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    CountingSmtp(int port) throws IOException {
        listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        acceptor = new Thread(this::accept, "counting-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int connections() {
        return connections.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try (Socket socket = listener.accept()) {
                connections.incrementAndGet();
                converse(socket);
            } catch (IOException e) {
                // closed, or a client that went away: the next one
            }
        }
    }

    private static void converse(Socket socket) throws IOException {
        BufferedReader in =
                new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
        reply(out, "220 counting-smtp ready");
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.toUpperCase(Locale.ROOT);
            if (command.startsWith("QUIT")) {
                reply(out, "221 bye");
                return;
            }
            reply(out, command.startsWith("EHLO") || command.startsWith("HELO") ? "250 counting-smtp" : "250 ok");
        }
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
