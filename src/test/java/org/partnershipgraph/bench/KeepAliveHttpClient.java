package org.partnershipgraph.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/**
 * The benchmark's load client, in the way of {@code wrk}: one keep-alive HTTP/1.1 connection with
 * {@code TCP_NODELAY}, each request (headers and body) sent in one write, the response read on the
 * calling thread (status line, headers, a {@code Content-Length} or chunked body). It reconnects
 * when the server closes the connection (Tomcat does after 100 requests on one connection) and
 * retries a request once when a reused connection turns out to be closed or reset (an idle
 * connection the server dropped) before the response's first byte; never after it, so a
 * mutation that was answered is not sent twice.
 * One instance per worker thread; not thread-safe.
 */
final class KeepAliveHttpClient implements AutoCloseable {

    /** A response: the status and the body as text. */
    record Response(int status, String body) {
    }

    private final String host;
    private final int port;
    private final byte[] requestLineAndHost;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final StringBuilder line = new StringBuilder(128);
    /** Whether the current exchange got a byte of its response: a failure after it is never retried (the request ran). */
    private boolean answered;

    KeepAliveHttpClient(String host, int port, String path) {
        this.host = host;
        this.port = port;
        this.requestLineAndHost = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** POSTs {@code body} (JSON), with {@code Authorization: Bearer} when {@code bearer} is not null. */
    Response post(byte[] body, String bearer) throws IOException {
        byte[] request = request(body, bearer);
        boolean reused = socket != null;
        try {
            return exchange(request);
        } catch (EOFException | SocketException ex) {
            close();
            if (!reused || answered) {
                throw ex;
            }
            return exchange(request);
        }
    }

    private byte[] request(byte[] body, String bearer) {
        String headers = (bearer == null ? "" : "Authorization: Bearer " + bearer + "\r\n")
                + "Content-Length: " + body.length + "\r\n\r\n";
        byte[] tail = headers.getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[requestLineAndHost.length + tail.length + body.length];
        System.arraycopy(requestLineAndHost, 0, request, 0, requestLineAndHost.length);
        System.arraycopy(tail, 0, request, requestLineAndHost.length, tail.length);
        System.arraycopy(body, 0, request, requestLineAndHost.length + tail.length, body.length);
        return request;
    }

    private Response exchange(byte[] request) throws IOException {
        if (socket == null) {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(600_000);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
        }
        answered = false;
        out.write(request);
        out.flush();
        in.mark(1);
        if (in.read() < 0) {
            throw new EOFException("the server closed the connection before answering");
        }
        answered = true;
        in.reset();
        String statusLine = readLine();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        boolean closes = false;
        for (String header = readLine(); header != null && !header.isEmpty(); header = readLine()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                contentLength = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.equalsIgnoreCase("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                closes = value.equalsIgnoreCase("close");
            }
        }
        byte[] body;
        if (chunked) {
            body = chunkedBody();
        } else if (contentLength >= 0) {
            body = in.readNBytes((int) contentLength);
        } else {
            body = in.readAllBytes();
            closes = true;
        }
        if (closes) {
            close();
        }
        return new Response(status, new String(body, StandardCharsets.UTF_8));
    }

    private byte[] chunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            if (sizeLine == null) {
                throw new EOFException("the connection closed inside a chunked body");
            }
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                String trailer;
                do {
                    trailer = readLine();
                } while (trailer != null && !trailer.isEmpty());
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine();
        }
    }

    /** One line without its CRLF, or null at the end of the stream before any byte of it. */
    private String readLine() throws IOException {
        line.setLength(0);
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                if (line.isEmpty()) {
                    return null;
                }
                throw new EOFException("the connection closed inside a line");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a connection that is already gone
            }
            socket = null;
        }
    }
}
