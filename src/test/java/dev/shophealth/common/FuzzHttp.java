package dev.shophealth.common;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends a fuzz request exactly as built, over a socket of its own: the request line as given (escapes that
 * {@code java.net.URI} refuses, such as {@code %zz}, go out unchanged), only the headers given (no Content-Type unless
 * one is set), the body's bytes, and {@code Connection: close}, so no case can leave bytes for the next to read.
 * REST Assured adds a charset to content types and encodes URIs itself, which would hide those faults.
 */
final class FuzzHttp {

    /** A request: the URI is path and query, already encoded. */
    record Request(String method, String uri, Map<String, String> headers, byte[] body) {
    }

    /** What came back; header names in lower case. */
    record Answer(int status, String contentType, String body, Map<String, String> headers) {
    }

    private final int port;

    FuzzHttp(int port) {
        this.port = port;
    }

    Answer send(Request r) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(150_000);
            StringBuilder head = new StringBuilder(r.method()).append(' ').append(r.uri()).append(" HTTP/1.1\r\n")
                    .append("Host: localhost:").append(port).append("\r\nConnection: close\r\n");
            r.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (r.body() != null) {
                head.append("Content-Length: ").append(r.body().length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                if (r.body() != null) {
                    out.write(r.body());
                }
                out.flush();
            } catch (IOException e) {
                // the server may answer and close before it reads the whole body (a 413): read what it said
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new AssertionError(r.method() + " " + abbreviate(r.uri()) + " got no answer: " + e, e);
        }
    }

    private static Answer read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (end < 0) {
            throw new IOException("no complete answer head in " + all.length + " bytes");
        }
        String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Answer(status, headers.get("content-type"), new String(body, StandardCharsets.UTF_8), headers);
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, new byte[] {'\r', '\n'}, at);
            String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int length = Integer.parseInt(size, 16);
            if (length == 0) {
                break;
            }
            body.write(chunked, lineEnd + 2, length);
            at = lineEnd + 2 + length + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "… (" + text.length() + " chars)" : text;
    }
}
