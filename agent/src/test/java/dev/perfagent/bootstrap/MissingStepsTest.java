package dev.perfagent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fixture.app.Greeter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MissingStepsTest {
  @AfterEach
  void quiet() {
    MissingSteps.use((path, type, step) -> {});
  }

  @Test
  void aStepMissingOnAClassIsReportedOncePerClassWithThePathsLabel() throws Throwable {
    List<String> told = new ArrayList<>();
    MissingSteps.use((path, type, step) -> told.add(path + " | " + type.getSimpleName() + " | " + step));
    ValueReader reader = new ValueReader(ValueReader.THIS, new String[] {"nosuch"}, "pointcut 'p': this.nosuch");
    for (int i = 0; i < 3; i++) {
      reader.read(new Greeter(), null, null, null, null, null);
      reader.read("a string", null, null, null, null, null);
    }
    assertEquals(List.of("pointcut 'p': this.nosuch | Greeter | nosuch", "pointcut 'p': this.nosuch | String | nosuch"),
        told);
  }
}
