package io.pactbroker.consumer.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for {@code localhost}, {@code 127.0.0.1} and {@code ::1}, made with JDK APIs only: an EC
 * P-256 key pair and an X.509 v3 certificate encoded in DER by hand (the JDK has no public certificate builder, and
 * calling {@code keytool} would need a JDK on the path). Valid from a day ago for a year.
 */
public final class SelfSignedCertificate {

    private static final char[] PASSWORD = "mock-server".toCharArray();
    private static final String SHA256_WITH_ECDSA = "1.2.840.10045.4.3.2";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";

    private final KeyPair keyPair;
    private final X509Certificate certificate;

    private SelfSignedCertificate(KeyPair keyPair, X509Certificate certificate) {
        this.keyPair = keyPair;
        this.certificate = certificate;
    }

    /** Makes a new key pair and certificate. */
    public static SelfSignedCertificate create() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair keyPair = generator.generateKeyPair();
            byte[] name = name("localhost");
            ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
            byte[] tbs = sequence(
                    tagged(0xA0, integer(BigInteger.TWO)),
                    integer(new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE)),
                    sequence(oid(SHA256_WITH_ECDSA)),
                    name,
                    sequence(utcTime(now.minusDays(1)), utcTime(now.plusYears(1))),
                    name,
                    keyPair.getPublic().getEncoded(),
                    tagged(0xA3, sequence(sequence(oid(SUBJECT_ALT_NAME), tagged(0x04, subjectAltNames())))));
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keyPair.getPrivate());
            signer.update(tbs);
            byte[] signature = signer.sign();
            byte[] bitString = new byte[signature.length + 1];
            System.arraycopy(signature, 0, bitString, 1, signature.length);
            byte[] der = sequence(tbs, sequence(oid(SHA256_WITH_ECDSA)), tagged(0x03, bitString));
            X509Certificate certificate = (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
            certificate.verify(keyPair.getPublic());
            return new SelfSignedCertificate(keyPair, certificate);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a self-signed certificate for the mock server: " + e, e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** A server-side SSL context presenting the certificate. */
    public SSLContext serverContext() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("mock-server", keyPair.getPrivate(), PASSWORD, new Certificate[] {certificate});
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot set up TLS for the mock server: " + e, e);
        }
    }

    /** A client-side SSL context that trusts the certificate. */
    public SSLContext clientContext() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("mock-server", certificate);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot trust the mock server's certificate: " + e, e);
        }
    }

    // ---------------------------------------------------------------------------------------------------- DER

    private static byte[] subjectAltNames() {
        return sequence(
                tagged(0x82, "localhost".getBytes(StandardCharsets.US_ASCII)),
                tagged(0x87, new byte[] {127, 0, 0, 1}),
                tagged(0x87, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}));
    }

    private static byte[] name(String commonName) {
        return sequence(
                tagged(0x31, sequence(oid(COMMON_NAME), tagged(0x0C, commonName.getBytes(StandardCharsets.UTF_8)))));
    }

    private static byte[] utcTime(ZonedDateTime time) {
        return tagged(
                0x17,
                time.format(DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] integer(BigInteger value) {
        return tagged(0x02, value.toByteArray());
    }

    private static byte[] oid(String dotted) {
        String[] parts = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(parts[0]) * 40 + Integer.parseInt(parts[1]));
        for (int i = 2; i < parts.length; i++) {
            long value = Long.parseLong(parts[i]);
            byte[] buffer = new byte[10];
            int n = 0;
            do {
                buffer[n++] = (byte) (value & 0x7F);
                value >>>= 7;
            } while (value > 0);
            for (int j = n - 1; j >= 0; j--) {
                out.write(buffer[j] | (j > 0 ? 0x80 : 0));
            }
        }
        return tagged(0x06, out.toByteArray());
    }

    private static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        return tagged(0x30, content.toByteArray());
    }

    private static byte[] tagged(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xFF);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
