package org.partnershipgraph.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** RSA keys for the JWT tests, and their public half as the PEM file {@code public-key-location} reads. */
final class TestKeys {

    private TestKeys() {
    }

    /** A fresh 2048-bit RSA key pair. */
    static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The public key of {@code keys} in a new PEM file under {@code target}, named {@code prefix...pem}. */
    static Path publicKeyFile(KeyPair keys, String prefix) {
        try {
            Path file = Files.createTempFile(Files.createDirectories(Path.of("target")), prefix, ".pem");
            String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded());
            Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
            return file;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
