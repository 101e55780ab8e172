package io.shoplens.engine.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed CA and a broker certificate it signed (for 127.0.0.1 and localhost), made for a
 * test with the JDK's own keytool, plus the truststores a client may be given: the CA as a PEM
 * file, a JKS truststore, and a PKCS12 one (whose certificates keytool encrypts with its password).
 */
record TestCertificates(Path caPem, Path brokerKeystore, Path truststoreJks, Path truststoreP12, String password) {

    static TestCertificates create(Path dir, String password) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path ca = dir.resolve("ca.p12");
        Path caPem = dir.resolve("ca.pem");
        Path broker = dir.resolve("broker.p12");
        Path request = dir.resolve("broker.csr");
        Path brokerPem = dir.resolve("broker.pem");
        Path jks = dir.resolve("truststore.jks");
        Path p12 = dir.resolve("truststore.p12");
        String san = "SAN=ip:127.0.0.1,dns:localhost";
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=ShopLens Test CA", "-ext", "bc:c", "-keystore", ca, "-storetype", "PKCS12",
                "-storepass", password, "-keypass", password);
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca, "-storepass", password, "-file", caPem);
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", san, "-keystore", broker, "-storetype", "PKCS12",
                "-storepass", password, "-keypass", password);
        keytool("-certreq", "-alias", "broker", "-keystore", broker, "-storepass", password, "-file", request);
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", ca, "-storepass", password, "-infile", request,
                "-outfile", brokerPem, "-ext", san, "-validity", "2");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caPem, "-keystore", broker,
                "-storepass", password);
        keytool("-importcert", "-alias", "broker", "-file", brokerPem, "-keystore", broker, "-storepass", password);
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caPem, "-keystore", jks, "-storetype", "JKS",
                "-storepass", password);
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caPem, "-keystore", p12, "-storetype", "PKCS12",
                "-storepass", password);
        return new TestCertificates(caPem, broker, jks, p12, password);
    }

    private static void keytool(Object... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        for (Object a : args) {
            command.add(a.toString());
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("keytool " + String.join(" ", command.subList(1, command.size())) + " failed: "
                    + output);
        }
    }
}
