package com.acme.validateprobe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * A class whose static initializer leaves a trace (a file in the working directory, a line on
 * stdout): {@code ValidateCommandIT} checks that {@code validate} describes it without running it.
 * Outside {@code dev.perfagent}, which the agent never weaves.
 */
public class InitializerProbe {
  static final String TRACE = "initializer-ran";

  static {
    try {
      Files.createFile(Paths.get(TRACE));
    } catch (IOException e) {
      throw new ExceptionInInitializerError(e);
    }
    System.out.println("InitializerProbe: static initializer ran");
  }

  public String answer(String question) {
    return question;
  }

  /** Loading the class runs the initializer: the test's proof that the trace works. */
  public static void main(String[] args) {
    System.out.println(new InitializerProbe().answer("loaded"));
  }
}
