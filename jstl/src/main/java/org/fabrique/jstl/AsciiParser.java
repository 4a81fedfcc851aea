package org.fabrique.jstl;

/**
 * Recursive-descent parser for ASCII STL over a {@link ByteSource}, with a fixed-size buffer.
 * Keywords match in any case; tokens are separated by any ASCII whitespace. Tracks lines and
 * columns (columns count bytes) for its errors.
 *
 * <pre>
 * stl   := solid+
 * solid := 'solid' rest-of-line facet* 'endsolid' rest-of-line
 * facet := 'facet' 'normal' n n n 'outer' 'loop' ('vertex' x y z){3} 'endloop' 'endfacet'
 * </pre>
 *
 * <p>The parser can also start inside a solid and stop at the end of its source right after an
 * {@code endfacet}: that is how a large file is parsed in ranges, in parallel.
 */
final class AsciiParser {

  static final int BUFFER_SIZE = 1 << 16;

  private static final byte[] SOLID = keyword("solid");
  private static final byte[] FACET = keyword("facet");
  private static final byte[] ENDSOLID = keyword("endsolid");
  private static final byte[] NORMAL = keyword("normal");
  private static final byte[] OUTER = keyword("outer");
  private static final byte[] LOOP = keyword("loop");
  private static final byte[] VERTEX = keyword("vertex");
  private static final byte[] ENDLOOP = keyword("endloop");
  private static final byte[] ENDFACET = keyword("endfacet");

  private static byte[] keyword(String lowerCase) {
    return lowerCase.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  private final ByteSource source;
  private final int maxTriangles;
  private final byte[] buffer;
  private int position;
  private int limit;
  private long bufferOffset;
  private boolean sourceEnded;
  private long line = 1;
  private long lineStart;
  private int tokenStart;
  private int tokenEnd;
  private final float[] corners = new float[9];
  private final TriangleConsumer consumer;
  private long triangleCount;

  /**
   * @param startOffset offset in the whole input of the source's first byte (for columns)
   */
  AsciiParser(ByteSource source, long startOffset, int maxTriangles, TriangleConsumer consumer) {
    this(source, startOffset, maxTriangles, consumer, new byte[BUFFER_SIZE]);
  }

  /** A parser working in {@code buffer} ({@link #BUFFER_SIZE} bytes), which it owns meanwhile. */
  AsciiParser(ByteSource source, long startOffset, int maxTriangles, TriangleConsumer consumer,
      byte[] buffer) {
    this.source = source;
    this.consumer = consumer;
    this.bufferOffset = startOffset;
    this.lineStart = startOffset;
    this.maxTriangles = maxTriangles;
    this.buffer = buffer;
  }

  long triangleCount() {
    return triangleCount;
  }

  /** Parses a whole input: one or more solids, then its end. */
  void parseWhole() throws StlException {
    if (!nextToken()) {
      throw StlException.of(StlError.EMPTY_FILE, "the input has only whitespace");
    }
    if (!tokenIs(SOLID)) {
      throw unexpectedToken("'solid'");
    }
    skipRestOfLine();
    parseSolids(true);
    if (triangleCount == 0) {
      throw StlException.of(StlError.NO_TRIANGLES, "the solid has no facet");
    }
  }

  /**
   * Parses a range of an input, as {@link #parseWhole()} would parse it at that place.
   *
   * @param startsAtBeginning whether the range is the input's beginning (expects {@code solid})
   * @param endsAtEnd whether the range ends where the input ends; if not, the range must end just
   *     after an {@code endfacet}, and a {@code solid}/{@code endsolid} line running into the end
   *     fails (the range boundary may have cut a name in two)
   */
  void parseRange(boolean startsAtBeginning, boolean endsAtEnd) throws StlException {
    if (startsAtBeginning) {
      if (!nextToken() || !tokenIs(SOLID)) {
        throw unexpectedToken("'solid'");
      }
      if (!skipRestOfLine() && !endsAtEnd) {
        throw unexpectedEnd("the end of the first line");
      }
    }
    parseSolids(endsAtEnd);
  }

  private void parseSolids(boolean endsAtEnd) throws StlException {
    boolean insideSolid = true;
    boolean lastWasFacet = false;
    while (nextToken()) {
      if (insideSolid) {
        if (tokenIs(FACET)) {
          facet();
          lastWasFacet = true;
        } else if (tokenIs(ENDSOLID)) {
          if (!skipRestOfLine() && !endsAtEnd) {
            throw unexpectedEnd("the end of the 'endsolid' line");
          }
          insideSolid = false;
          lastWasFacet = false;
        } else {
          throw unexpectedToken("'facet' or 'endsolid'");
        }
      } else if (tokenIs(SOLID)) {
        if (!skipRestOfLine() && !endsAtEnd) {
          throw unexpectedEnd("the end of the 'solid' line");
        }
        insideSolid = true;
      } else {
        throw unexpectedToken("'solid' or the end of the input");
      }
    }
    if (endsAtEnd ? insideSolid : !lastWasFacet) {
      throw unexpectedEnd("'facet' or 'endsolid'");
    }
    consumer.finish();
  }

  private void facet() throws StlException {
    long facetLine = line;
    long facetColumn = columnOf(tokenStart);
    expect(NORMAL);
    float nx = number(-1, 0);
    float ny = number(-1, 1);
    float nz = number(-1, 2);
    expect(OUTER);
    expect(LOOP);
    for (int corner = 0; corner < 3; corner++) {
      expect(VERTEX);
      for (int axis = 0; axis < 3; axis++) {
        corners[corner * 3 + axis] = number(corner, axis);
      }
    }
    expect(ENDLOOP);
    expect(ENDFACET);
    if (triangleCount >= maxTriangles) {
      throw StlException.atLine(StlError.TOO_MANY_TRIANGLES, facetLine, facetColumn,
          "more than the limit of " + maxTriangles + " triangles");
    }
    consumer.accept(corners, nx, ny, nz);
    triangleCount++;
  }

  private void expect(byte[] keyword) throws StlException {
    if (!nextToken()) {
      throw unexpectedEnd("'" + text(keyword) + "'");
    }
    if (!tokenIs(keyword)) {
      throw unexpectedToken("'" + text(keyword) + "'");
    }
  }

  private static String text(byte[] keyword) {
    return new String(keyword, java.nio.charset.StandardCharsets.US_ASCII);
  }

  /**
   * Reads a number: a vertex coordinate ({@code corner} 0..2), which must be finite, or a normal
   * component ({@code corner} -1), which may be {@code nan} or infinite (it then disagrees).
   */
  private float number(int corner, int axis) throws StlException {
    if (!nextToken()) {
      throw unexpectedEnd("a number (" + numberName(corner, axis) + ")");
    }
    float value = DecimalFloats.parse(buffer, tokenStart, tokenEnd);
    if (Float.isFinite(value)) {
      return value;
    }
    boolean nonFinite = Float.isInfinite(value)
        || DecimalFloats.isNonFiniteToken(buffer, tokenStart, tokenEnd);
    if (!nonFinite) {
      throw StlException.atLine(StlError.MALFORMED_NUMBER, line, columnOf(tokenStart),
          "expected a number (" + numberName(corner, axis) + "), found " + quotedToken());
    }
    if (corner >= 0) {
      throw StlException.atLine(StlError.NON_FINITE_COORDINATE, line, columnOf(tokenStart),
          numberName(corner, axis) + " of corner " + corner + " is not a finite float: "
              + quotedToken());
    }
    return Float.NaN;
  }

  /** "normal x", "vertex y": for messages only (built when an error is reported). */
  private static String numberName(int corner, int axis) {
    return (corner < 0 ? "normal " : "vertex ") + Facets.axis(axis);
  }

  /** Moves to the next token; false at the end of the input. */
  private boolean nextToken() throws StlException {
    // Fields in locals while scanning (the JIT's quick compiler keeps fields in memory).
    byte[] b = buffer;
    int p = position;
    while (true) {
      if (p == limit) {
        position = p;
        tokenStart = p;
        if (!fill()) {
          return false;
        }
        p = position;
      }
      byte c = b[p];
      if (c == ' ') {
        p++;
      } else if (c == '\n') {
        line++;
        p++;
        lineStart = bufferOffset + p;
      } else if (c >= '\t' && c <= '\r') {
        p++;
      } else {
        break;
      }
    }
    tokenStart = p;
    while (true) {
      if (p == limit) {
        position = p;
        if (!fill()) {
          break;
        }
        p = position;
      }
      byte c = b[p];
      if (c == ' ' || (c >= '\t' && c <= '\r')) {
        break;
      }
      p++;
    }
    position = p;
    tokenEnd = p;
    return true;
  }

  /** Skips the rest of the current line (a solid's name); false if the input ended first. */
  private boolean skipRestOfLine() throws StlException {
    while (true) {
      if (position == limit) {
        tokenStart = position;
        if (!fill()) {
          return false;
        }
      }
      if (buffer[position++] == '\n') {
        line++;
        lineStart = bufferOffset + position;
        return true;
      }
    }
  }

  /**
   * Reads more input, keeping the token in progress (from {@code tokenStart}) at the start of the
   * buffer. False at the end of the input.
   */
  private boolean fill() throws StlException {
    if (sourceEnded) {
      return false;
    }
    int keep = position > tokenStart ? position - tokenStart : 0;
    int keepFrom = position - keep;
    if (keep == buffer.length) {
      throw StlException.atLine(StlError.UNEXPECTED_TOKEN, line, columnOf(tokenStart),
          "a token longer than " + buffer.length + " bytes");
    }
    System.arraycopy(buffer, keepFrom, buffer, 0, keep);
    bufferOffset += keepFrom;
    tokenStart -= keepFrom;
    position = keep;
    limit = keep;
    int n;
    do {
      n = source.read(buffer, limit, buffer.length - limit);
    } while (n == 0);
    if (n < 0) {
      sourceEnded = true;
      return false;
    }
    limit += n;
    return true;
  }

  /** Whether the token is {@code keyword} (lower case) in any case. */
  private boolean tokenIs(byte[] keyword) {
    int start = tokenStart;
    int length = keyword.length;
    if (tokenEnd - start != length) {
      return false;
    }
    byte[] b = buffer;
    for (int i = 0; i < length; i++) {
      if ((b[start + i] | 0x20) != keyword[i]) {
        return false;
      }
    }
    return true;
  }

  static boolean isWhitespace(byte b) {
    return b == ' ' || (b >= '\t' && b <= '\r');
  }

  private long columnOf(int bufferIndex) {
    return bufferOffset + bufferIndex - lineStart + 1;
  }

  private StlException unexpectedToken(String expected) {
    return StlException.atLine(StlError.UNEXPECTED_TOKEN, line, columnOf(tokenStart),
        "expected " + expected + ", found " + quotedToken());
  }

  private StlException unexpectedEnd(String expected) {
    return StlException.atLine(StlError.UNEXPECTED_END, line, columnOf(position),
        "expected " + expected + ", found the end of the input");
  }

  private String quotedToken() {
    int shown = Math.min(tokenEnd - tokenStart, 40);
    StringBuilder text = new StringBuilder(shown + 8).append('\'');
    for (int i = 0; i < shown; i++) {
      int b = buffer[tokenStart + i] & 0xff;
      if (b >= 0x20 && b < 0x7f) {
        text.append((char) b);
      } else {
        text.append(String.format("\\x%02x", b));
      }
    }
    if (shown < tokenEnd - tokenStart) {
      text.append("...");
    }
    return text.append('\'').toString();
  }
}
