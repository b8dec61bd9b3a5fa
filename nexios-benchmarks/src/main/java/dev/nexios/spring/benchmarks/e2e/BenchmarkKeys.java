package dev.nexios.spring.benchmarks.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.security.converter.RsaKeyConverters;

/**
 * The credentials of the end-to-end benchmark, for the benchmark only: an RSA key pair generated for
 * each run of the driver (its private key is never written; only the public key and one RS256 token
 * signed with it are), and a constant API key.
 */
final class BenchmarkKeys {

	/** The benchmark's API key, sent in {@link #API_KEY_HEADER}; the application is given only its digest. */
	static final String API_KEY = "e2e-benchmark-api-key";

	/** The header of the API key. */
	static final String API_KEY_HEADER = "X-API-KEY";

	static final String PUBLIC_KEY_FILE = "public.pem";

	static final String TOKEN_FILE = "token";

	private BenchmarkKeys() {
	}

	/**
	 * Generates a key pair and writes its public key (X.509 SubjectPublicKeyInfo, PEM) and an RS256 token
	 * valid for 30 days, signed with its private key, into a directory.
	 * @param directory the directory, created if missing
	 * @throws IOException when a file cannot be written
	 * @throws JOSEException when the token cannot be signed
	 * @throws NoSuchAlgorithmException without RSA
	 */
	static void write(Path directory) throws IOException, JOSEException, NoSuchAlgorithmException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair pair = generator.generateKeyPair();
		Instant now = Instant.now();
		SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
				new JWTClaimsSet.Builder().issuer("nexios-e2e-benchmark")
					.subject("benchmark-client")
					.issueTime(Date.from(now))
					.expirationTime(Date.from(now.plus(Duration.ofDays(30))))
					.build());
		token.sign(new RSASSASigner((RSAPrivateKey) pair.getPrivate()));
		Files.createDirectories(directory);
		String pem = "-----BEGIN PUBLIC KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
					.encodeToString(pair.getPublic().getEncoded())
				+ "\n-----END PUBLIC KEY-----\n";
		Files.writeString(directory.resolve(PUBLIC_KEY_FILE), pem, StandardCharsets.US_ASCII);
		Files.writeString(directory.resolve(TOKEN_FILE), token.serialize(), StandardCharsets.US_ASCII);
	}

	/**
	 * Reads the public key written by {@link #write(Path)}.
	 * @param directory the directory
	 * @return the public key
	 */
	static RSAPublicKey publicKey(Path directory) {
		try (InputStream in = Files.newInputStream(directory.resolve(PUBLIC_KEY_FILE))) {
			return RsaKeyConverters.x509().convert(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The SHA-256 digest of the API key, as configured.
	 * @return the digest
	 */
	static byte[] apiKeySha256() {
		try {
			return MessageDigest.getInstance("SHA-256").digest(API_KEY.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The SHA-256 digest of the API key in hexadecimal, as {@code nexios.security.schemes.*.keys[].sha256}
	 * takes it.
	 * @return the digest
	 */
	static String apiKeySha256Hex() {
		return HexFormat.of().formatHex(apiKeySha256());
	}

}
