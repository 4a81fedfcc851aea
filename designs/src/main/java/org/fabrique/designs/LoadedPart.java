package org.fabrique.designs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.fabrique.designs.DesignManifest.Part;
import org.fabrique.jstl.MeshReport;
import org.fabrique.jstl.Stl;
import org.fabrique.jstl.StlException;
import org.fabrique.jstl.StlLimits;

/** A part's STL file as it really is: digest, size and jstl's analysis of the mesh. */
public record LoadedPart(Part declared, Path file, String sha256, long bytes, MeshReport mesh) {

    /**
     * Reads and measures {@code file}.
     *
     * @throws IOException if the file cannot be read
     * @throws StlException if it is not a valid STL (the message says where)
     */
    public static LoadedPart read(Part declared, Path file) throws IOException, StlException {
        MessageDigest digest = sha256Digest();
        long bytes = 0;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) != -1; ) {
                bytes += n;
            }
        }
        MeshReport mesh = Stl.analyze(Stl.read(file, StlLimits.defaults()));
        return new LoadedPart(declared, file, HexFormat.of().formatHex(digest.digest()), bytes, mesh);
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
