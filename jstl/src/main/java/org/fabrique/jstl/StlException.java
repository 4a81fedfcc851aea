package org.fabrique.jstl;

import java.util.OptionalLong;

/**
 * An input that is not a valid STL, or exceeds the configured limits. The message says where
 * (triangle index and byte offset for binary input, line and column for ASCII) and what.
 */
public class StlException extends Exception {

  private static final long serialVersionUID = 1L;
  private static final long ABSENT = -1;

  private final StlError error;
  private final long triangleIndex;
  private final long byteOffset;
  private final long line;
  private final long column;

  private StlException(
      StlError error, String detail, long triangleIndex, long byteOffset, long line, long column,
      Throwable cause) {
    super(location(triangleIndex, byteOffset, line, column) + detail, cause);
    this.error = error;
    this.triangleIndex = triangleIndex;
    this.byteOffset = byteOffset;
    this.line = line;
    this.column = column;
  }

  /** An error that concerns the input as a whole. */
  public static StlException of(StlError error, String detail) {
    return new StlException(error, detail, ABSENT, ABSENT, ABSENT, ABSENT, null);
  }

  /** An error caused by an I/O failure. */
  public static StlException of(StlError error, String detail, Throwable cause) {
    return new StlException(error, detail, ABSENT, ABSENT, ABSENT, ABSENT, cause);
  }

  /** An error at a byte offset of a binary input, outside any triangle (the header). */
  public static StlException atByte(StlError error, long byteOffset, String detail) {
    return new StlException(error, detail, ABSENT, byteOffset, ABSENT, ABSENT, null);
  }

  /** An error in a triangle of a binary input (index from 0) at a byte offset. */
  public static StlException atTriangle(
      StlError error, long triangleIndex, long byteOffset, String detail) {
    return new StlException(error, detail, triangleIndex, byteOffset, ABSENT, ABSENT, null);
  }

  /** An error at a line and column (both from 1; columns count bytes) of an ASCII input. */
  public static StlException atLine(StlError error, long line, long column, String detail) {
    return new StlException(error, detail, ABSENT, ABSENT, line, column, null);
  }

  public StlError error() {
    return error;
  }

  /** Index (from 0) of the binary triangle at fault, when the error concerns one. */
  public OptionalLong triangleIndex() {
    return optional(triangleIndex);
  }

  /** Offset in bytes (from 0) in a binary input where the fault was found. */
  public OptionalLong byteOffset() {
    return optional(byteOffset);
  }

  /** Line (from 1) of an ASCII input where the fault was found. */
  public OptionalLong line() {
    return optional(line);
  }

  /** Column (from 1, counting bytes) of an ASCII input where the fault was found. */
  public OptionalLong column() {
    return optional(column);
  }

  private static OptionalLong optional(long value) {
    return value == ABSENT ? OptionalLong.empty() : OptionalLong.of(value);
  }

  private static String location(long triangleIndex, long byteOffset, long line, long column) {
    if (line != ABSENT) {
      return "line " + line + ", column " + column + ": ";
    }
    if (triangleIndex != ABSENT) {
      return "triangle " + triangleIndex + " (byte offset " + byteOffset + "): ";
    }
    if (byteOffset != ABSENT) {
      return "byte offset " + byteOffset + ": ";
    }
    return "";
  }
}
