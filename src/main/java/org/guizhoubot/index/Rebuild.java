package org.guizhoubot.index;

import java.util.Objects;

/** Why an indexing run embeds every article again instead of only the changed ones. */
public sealed interface Rebuild {
  /** One line for an admin. */
  String describe();

  /** There was no index to update. */
  record NoIndexYet() implements Rebuild {
    @Override
    public String describe() {
      return "no index yet";
    }
  }

  /** The caller asked for it ({@code index --full}). */
  record Requested() implements Rebuild {
    @Override
    public String describe() {
      return "full reindex requested";
    }
  }

  /** The stored index was made by another schema, model or dimension. */
  record Incompatible(String difference) implements Rebuild {
    public Incompatible {
      Objects.requireNonNull(difference, "difference");
    }

    @Override
    public String describe() {
      return difference;
    }

    /**
     * The first of schema version, model and dimension that a stored index describes differently
     * from this code (values compared as text), or empty when all three agree.
     */
    public static java.util.Optional<Rebuild> ifDiffers(Object storedSchema, int schema, Object storedModel,
        String model, Object storedDimension, int dimension) {
      if (!String.valueOf(schema).equals(String.valueOf(storedSchema))) {
        return java.util.Optional.of(new Incompatible("schema version " + storedSchema + " differs from " + schema));
      }
      if (!model.equals(String.valueOf(storedModel))) {
        return java.util.Optional.of(new Incompatible("model " + storedModel + " differs from " + model));
      }
      if (!String.valueOf(dimension).equals(String.valueOf(storedDimension))) {
        return java.util.Optional.of(new Incompatible("dimension " + storedDimension + " differs from " + dimension));
      }
      return java.util.Optional.empty();
    }
  }
}
