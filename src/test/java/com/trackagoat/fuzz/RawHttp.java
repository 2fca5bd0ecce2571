package com.trackagoat.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client over one keep-alive socket. Unlike java.net.http it sends exactly the
 * bytes it is given: any method, any request target (unencoded, overlong), any header value
 * (non-ASCII, control characters) and any body, with or without Content-Length. Not thread-safe:
 * one instance per worker thread.
 */
final class RawHttp implements AutoCloseable {

    /** A request as bytes on the wire; {@code body} null = no body and no Content-Length. */
    record Request(String method, String target, Map<String, byte[]> headers, byte[] body, boolean chunked,
                   boolean headersOnly) {
    }

    record Response(int status, Map<String, String> headers, byte[] body, long millis) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;
    private final int timeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    RawHttp(String host, int port, int timeoutMillis) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    Response send(Request req) throws IOException {
        boolean reused = socket != null;
        try {
            return exchange(req);
        } catch (StaleConnection e) {
            close();
            if (!reused) {
                throw new IOException("connection closed without a response", e);
            }
            return exchange(req);   // the server had closed the kept-alive connection meanwhile
        }
    }

    private Response exchange(Request req) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(timeoutMillis);
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            in = new java.io.BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
        }
        long start = System.nanoTime();
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        head.writeBytes((req.method() + " " + req.target() + " HTTP/1.1\r\n").getBytes(StandardCharsets.ISO_8859_1));
        boolean hasHost = req.headers().keySet().stream().anyMatch(k -> k.equalsIgnoreCase("Host"));
        if (!hasHost) {
            head.writeBytes(("Host: " + host + ":" + port + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        for (var h : req.headers().entrySet()) {
            head.writeBytes(h.getKey().getBytes(StandardCharsets.ISO_8859_1));
            head.writeBytes(": ".getBytes(StandardCharsets.ISO_8859_1));
            head.writeBytes(h.getValue());
            head.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        byte[] body = req.body();
        if (body != null) {
            head.writeBytes((req.chunked() ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
        }
        head.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        Thread writer = null;
        try {
            out.write(head.toByteArray());
            if (body != null && !req.headersOnly()) {
                if (body.length <= 256 * 1024) {
                    out.write(frame(body, req.chunked()));
                    out.flush();
                } else {
                    // Large bodies are written by another thread, so that an early answer (413) is read
                    // while the server stops reading.
                    byte[] framed = frame(body, req.chunked());
                    OutputStream o = out;
                    writer = new Thread(() -> {
                        try {
                            o.write(framed);
                            o.flush();
                        } catch (IOException ignored) {
                            // the server answered and closed early; the answer is what counts
                        }
                    }, "fuzz-body-writer");
                    writer.setDaemon(true);
                    writer.start();
                }
            } else {
                out.flush();
            }
        } catch (IOException e) {
            throw new StaleConnection(e);
        }
        Response res = read(req.method().equals("HEAD"), start);
        if (writer != null || req.headersOnly() || "close".equalsIgnoreCase(res.header("Connection"))) {
            close();
        }
        if (writer != null) {
            try {
                writer.join(timeoutMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return res;
    }

    private static byte[] frame(byte[] body, boolean chunked) {
        if (!chunked) {
            return body;
        }
        ByteArrayOutputStream o = new ByteArrayOutputStream(body.length + 64);
        int chunk = 64 * 1024;
        for (int i = 0; i < body.length; i += chunk) {
            int n = Math.min(chunk, body.length - i);
            o.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            o.write(body, i, n);
            o.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        o.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return o.toByteArray();
    }

    private Response read(boolean head, long start) throws IOException {
        String statusLine;
        try {
            statusLine = line();
        } catch (SocketTimeoutException e) {
            close();
            throw new IOException("no response within " + timeoutMillis + " ms (hang)", e);
        }
        if (statusLine == null) {
            throw new StaleConnection(null);
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            close();
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l = line(); l != null && !l.isEmpty(); l = line()) {
            int colon = l.indexOf(':');
            if (colon > 0) {
                headers.merge(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim(), (a, b) -> a + ", " + b);
            }
        }
        byte[] body;
        String length = headers.get("content-length");
        if (head || status == 204 || status == 304 || status / 100 == 1) {
            body = new byte[0];
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            while (true) {
                String size = line();
                if (size == null) {
                    throw new IOException("truncated chunked body");
                }
                int n = Integer.parseInt(size.split(";", 2)[0].trim(), 16);
                if (n == 0) {
                    for (String t = line(); t != null && !t.isEmpty(); t = line()) {
                        // trailers
                    }
                    break;
                }
                o.write(in.readNBytes(n));
                line();
            }
            body = o.toByteArray();
        } else if (length != null) {
            body = in.readNBytes(Integer.parseInt(length));
        } else {
            body = in.readAllBytes();   // delimited by close
            close();
        }
        return new Response(status, headers, body, (System.nanoTime() - start) / 1_000_000);
    }

    private String line() throws IOException {
        ByteArrayOutputStream o = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = o.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
            }
            o.write(b);
        }
        return o.size() == 0 ? null : o.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
        in = null;
        out = null;
    }

    private static final class StaleConnection extends IOException {
        StaleConnection(Throwable cause) {
            super(cause);
        }
    }
}
