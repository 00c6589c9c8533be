package dev.perfagent.bootstrap;

/** Frozen exceptions for the export tests, as the recorder freezes them. */
public final class FrozenErrors {
  private FrozenErrors() {}

  public static FrozenError of(Throwable thrown) {
    return FrozenError.of(thrown, 4096, new RecorderStats());
  }
}
