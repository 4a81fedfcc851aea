package org.fabrique.jstl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The ways into the library, so that one test can check them all. */
enum Reader {
  FILE {
    @Override
    TriangleMesh read(byte[] input, StlLimits limits) throws StlException {
      return Stl.read(write(input), limits);
    }

    @Override
    MeshReport analyze(byte[] input, StlLimits limits) throws StlException {
      return Stl.analyze(write(input), limits);
    }
  },
  STREAM {
    @Override
    TriangleMesh read(byte[] input, StlLimits limits) throws StlException {
      return Stl.read(new ByteArrayInputStream(input), limits);
    }

    @Override
    MeshReport analyze(byte[] input, StlLimits limits) throws StlException {
      return Stl.analyze(new ByteArrayInputStream(input), limits);
    }
  };

  abstract TriangleMesh read(byte[] input, StlLimits limits) throws StlException;

  /** Reads and analyses in one pass. */
  abstract MeshReport analyze(byte[] input, StlLimits limits) throws StlException;

  TriangleMesh read(byte[] input) throws StlException {
    return read(input, StlLimits.defaults());
  }

  MeshReport analyze(byte[] input) throws StlException {
    return analyze(input, StlLimits.defaults());
  }

  private static Path write(byte[] input) {
    try {
      Path file = Files.createTempFile("jstl-test", ".stl");
      file.toFile().deleteOnExit();
      Files.write(file, input);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
