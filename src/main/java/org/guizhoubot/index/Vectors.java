package org.guizhoubot.index;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Small vector helpers: normalisation, dot products and the BLOB encoding stored in SQLite. */
public final class Vectors {
  private Vectors() {}

  /** Scales {@code v} in place to unit length (a zero vector is left as is) and returns it. */
  public static float[] normalize(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += x * x;
    }
    if (sum > 0) {
      float inv = (float) (1.0 / Math.sqrt(sum));
      for (int i = 0; i < v.length; i++) {
        v[i] *= inv;
      }
    }
    return v;
  }

  public static float dot(float[] a, float[] b) {
    float s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  public static byte[] toBytes(float[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(v);
    return b.array();
  }

  /** Decodes a little-endian float BLOB into {@code out} starting at {@code offset}. */
  public static void fromBytes(byte[] bytes, float[] out, int offset) {
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out, offset, bytes.length / 4);
  }
}
