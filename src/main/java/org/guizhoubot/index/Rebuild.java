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
  }
}
