package org.fabrique.designs;

import java.nio.file.Path;
import java.util.List;

/** A design read from its folder and found valid: its manifest, where it lives, its measured parts. */
public record LoadedDesign(DesignManifest manifest, Path directory, List<LoadedPart> parts) {

    public LoadedDesign {
        parts = List.copyOf(parts);
    }

    public Path preview() {
        return directory.resolve(manifest.preview());
    }
}
