package org.fabrique.designs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.fabrique.designs.DesignLibraryException.Problem;
import org.fabrique.designs.DesignManifest.Part;
import org.fabrique.jstl.StlException;

/**
 * The design library on disk: one folder per design, {@code <root>/<slug>/design.yaml} (or
 * {@code design.json}) next to the files it lists. Loading reads every manifest and every part
 * file, and refuses the library if anything is wrong, naming each file and problem.
 */
public final class DesignLibrary {

    public static final String MANIFEST_YAML = "design.yaml";
    public static final String MANIFEST_JSON = "design.json";

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final Path root;
    private final List<LoadedDesign> designs;

    private DesignLibrary(Path root, List<LoadedDesign> designs) {
        this.root = root;
        this.designs = List.copyOf(designs);
    }

    /** Loads every design under {@code root} with the reference validator (200 mm cube bed). */
    public static DesignLibrary load(Path root) throws DesignLibraryException {
        return load(root, new DesignManifestValidator());
    }

    /**
     * Loads every folder of {@code root} holding a manifest. Folders without one are not designs
     * (shared OpenSCAD modules, build output) and are skipped. Besides what
     * {@link #loadDesign} checks, each design's slug must be its folder's name and every
     * OpenSCAD source its parts name must be present, so the library can be regenerated.
     */
    public static DesignLibrary load(Path root, DesignManifestValidator validator) throws DesignLibraryException {
        List<Path> folders;
        try (Stream<Path> children = Files.list(root)) {
            folders = children.filter(Files::isDirectory).filter(DesignLibrary::holdsManifest).sorted().toList();
        } catch (IOException e) {
            throw new DesignLibraryException(root.toString(), "cannot list the design library: " + e.getMessage());
        }
        if (folders.isEmpty()) {
            throw new DesignLibraryException(root.toString(), "no design found (no <slug>/" + MANIFEST_YAML + ")");
        }
        List<LoadedDesign> designs = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path folder : folders) {
            try {
                LoadedDesign design = loadDesign(folder, validator);
                List<Problem> libraryProblems = libraryProblems(design);
                if (libraryProblems.isEmpty()) {
                    designs.add(design);
                }
                problems.addAll(libraryProblems);
            } catch (DesignLibraryException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new DesignLibraryException(problems);
        }
        return new DesignLibrary(root, designs);
    }

    /**
     * Loads and checks one design folder: the manifest is parsed and validated, every part file
     * is read with jstl and compared with the manifest, and the preview must be a PNG image.
     * Problems name files relative to the folder's parent, e.g. {@code syringe-pump/design.yaml}.
     */
    public static LoadedDesign loadDesign(Path folder, DesignManifestValidator validator) throws DesignLibraryException {
        Path manifestFile = manifestFile(folder);
        String manifestName = displayName(folder, manifestFile);
        if (Files.exists(folder.resolve(MANIFEST_YAML)) && Files.exists(folder.resolve(MANIFEST_JSON))) {
            throw new DesignLibraryException(manifestName, "both " + MANIFEST_YAML + " and " + MANIFEST_JSON
                    + " are present; keep only one manifest");
        }
        DesignManifest manifest = DesignManifests.parse(manifestFile, manifestName);
        List<String> problems = new ArrayList<>(validator.problems(manifest));
        List<LoadedPart> parts = new ArrayList<>();
        for (int i = 0; i < manifest.parts().size(); i++) {
            Part part = manifest.parts().get(i);
            String field = "parts[" + i + "].file: " + part.file();
            Optional<Path> file = inside(folder, part.file());
            if (file.isEmpty()) {
                continue; // the validator already refused the path
            }
            if (!Files.isRegularFile(file.get())) {
                problems.add(field + " does not exist");
                continue;
            }
            try {
                LoadedPart loaded = LoadedPart.read(part, file.get());
                parts.add(loaded);
                problems.addAll(validator.fileProblems(manifest, loaded));
            } catch (StlException e) {
                problems.add(field + " is not a valid STL: " + e.getMessage());
            } catch (IOException e) {
                problems.add(field + " cannot be read: " + e.getMessage());
            }
        }
        inside(folder, manifest.preview()).ifPresent(preview -> {
            if (!Files.isRegularFile(preview)) {
                problems.add("preview: " + manifest.preview() + " does not exist");
            } else if (!isPng(preview)) {
                problems.add("preview: " + manifest.preview() + " is not a PNG image");
            }
        });
        if (!problems.isEmpty()) {
            throw DesignLibraryException.of(manifestName, problems);
        }
        return new LoadedDesign(manifest, folder, parts);
    }

    public Path root() {
        return root;
    }

    /** The designs, ordered by slug. */
    public List<LoadedDesign> designs() {
        return designs;
    }

    public Optional<LoadedDesign> design(String slug) {
        return designs.stream().filter(d -> d.manifest().slug().equals(slug)).findFirst();
    }

    private static List<Problem> libraryProblems(LoadedDesign design) {
        Path folder = design.directory();
        String manifestName = displayName(folder, manifestFile(folder));
        List<Problem> problems = new ArrayList<>();
        String folderName = folder.getFileName().toString();
        if (!design.manifest().slug().equals(folderName)) {
            problems.add(new Problem(manifestName, "slug: \"" + design.manifest().slug() + "\" must be the folder's name \"" + folderName + "\""));
        }
        List<Part> parts = design.manifest().parts();
        for (int i = 0; i < parts.size(); i++) {
            String scad = parts.get(i).source().scad();
            if (inside(folder, scad).filter(Files::isRegularFile).isEmpty()) {
                problems.add(new Problem(manifestName, "parts[" + i + "].source.scad: " + scad + " does not exist"));
            }
        }
        return problems;
    }

    private static boolean holdsManifest(Path folder) {
        return Files.isRegularFile(folder.resolve(MANIFEST_YAML)) || Files.isRegularFile(folder.resolve(MANIFEST_JSON));
    }

    private static Path manifestFile(Path folder) {
        Path yaml = folder.resolve(MANIFEST_YAML);
        return Files.isRegularFile(yaml) ? yaml : folder.resolve(MANIFEST_JSON);
    }

    /** {@code relative} resolved in {@code folder}, unless it would leave the folder. */
    private static Optional<Path> inside(Path folder, String relative) {
        if (relative.isBlank() || relative.startsWith("/") || relative.contains("\\")) {
            return Optional.empty();
        }
        Path resolved = folder.resolve(relative).normalize();
        return resolved.startsWith(folder.normalize()) ? Optional.of(resolved) : Optional.empty();
    }

    private static boolean isPng(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(PNG_SIGNATURE.length), PNG_SIGNATURE);
        } catch (IOException e) {
            return false;
        }
    }

    private static String displayName(Path folder, Path file) {
        Path name = folder.getFileName();
        return name == null ? file.toString() : name + "/" + file.getFileName();
    }
}
