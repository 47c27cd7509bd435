package io.pactbroker.verifier.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate made at test time by the JDK's own {@code keytool} (the one next to the running {@code
 * java}), for an HTTPS provider: nothing checked in, nothing that expires between runs.
 */
public final class SelfSignedCertificate {

    private static final char[] PASSWORD = "changeit".toCharArray();

    private SelfSignedCertificate() {}

    /** A server-side TLS context with a new self-signed certificate for localhost and 127.0.0.1. */
    public static SSLContext serverContext(Path dir) {
        try {
            Path keystore = dir.resolve("provider.p12");
            Files.deleteIfExists(keystore);
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process process = new ProcessBuilder(List.of(
                            keytool.toString(),
                            "-genkeypair",
                            "-alias",
                            "provider",
                            "-keyalg",
                            "RSA",
                            "-keysize",
                            "2048",
                            "-validity",
                            "2",
                            "-dname",
                            "CN=localhost",
                            "-ext",
                            "SAN=dns:localhost,ip:127.0.0.1",
                            "-storetype",
                            "PKCS12",
                            "-keystore",
                            keystore.toString(),
                            "-storepass",
                            new String(PASSWORD),
                            "-keypass",
                            new String(PASSWORD)))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool could not make a certificate: " + output);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, PASSWORD);
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new IllegalStateException("cannot make a self-signed certificate: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making a certificate", e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the self-signed certificate: " + e.getMessage(), e);
        }
    }
}
