package dev.perfagent.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.common.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The reused builder against the SDK's, operation for operation: what they build must be equal in every way. */
class ReusedAttributesBuilderTest {
  /** Names that sort in surprising ways: empty-adjacent, prefixes, case, non-ASCII, surrogates, controls. */
  private static final String[] HOSTILE_NAMES = {
    "a", "a.b", "a.b.c", "ab", "A", "B", "_", "z", "é", "\u00ff", "\uffff", "\ud83d\ude00", "\ud83d", "\ude00",
    "\u0000", "\u0001x", " ", "a ", "key\"q", "back\\slash", "thread.name", "thread.id", "error.type",
    "perf_agent.pointcut", "gen_ai.operation.name", "0", "00", "-1", "\t", "日本",
  };

  private final ReusedAttributesBuilder reused = new ReusedAttributesBuilder();

  @Test
  void buildsWhatTheSdkBuildsForRandomSequencesAndRemembersThem() {
    Random random = new Random(42);
    ReusedAttributesBuilder.Order order = new ReusedAttributesBuilder.Order();
    List<Consumer<AttributesBuilder>> sequences = new ArrayList<>();
    for (int s = 0; s < 40; s++) {
      sequences.add(randomSequence(new Random(random.nextLong())));
    }
    for (int round = 0; round < 2_000; round++) { // sequences repeat: remembered, forgotten and found again
      Consumer<AttributesBuilder> puts = sequences.get(random.nextInt(round < 1_000 ? 3 : sequences.size()));
      assertSameAsSdk(order, puts);
    }
  }

  @Test
  void lastValueOfANameWinsWhateverItsType() {
    ReusedAttributesBuilder.Order order = new ReusedAttributesBuilder.Order();
    for (int i = 0; i < 3; i++) {
      assertSameAsSdk(order, b -> b.put("x", "text").put("y", 1L).put("x", 2L).put(AttributeKey.booleanKey("y"), true));
      assertSameAsSdk(order, b -> b.put("x", 2L).put("x", "text").put("x", 3.5));
    }
  }

  @Test
  void removalsAndRemovedNamesPutAgainAreTheSdks() {
    ReusedAttributesBuilder.Order order = new ReusedAttributesBuilder.Order();
    for (int i = 0; i < 3; i++) {
      assertSameAsSdk(order, b -> b.put("q", "sql").put("a", 1L).remove(AttributeKey.stringKey("q")));
      assertSameAsSdk(order, b -> b.put("q", "sql").remove(AttributeKey.longKey("q"))); // another type: kept
      assertSameAsSdk(order, b -> b.put("q", "sql").remove(AttributeKey.stringKey("q")).put("q", "again"));
      assertSameAsSdk(order, b -> b.put("a", 1L).put("b", 2L).put("c", "c").removeIf(k -> !k.getKey().equals("b")));
      assertSameAsSdk(order, b -> b.put("a", 1L).remove(AttributeKey.stringKey("")).removeIf(null));
    }
  }

  @Test
  void ignoresWhatTheSdkIgnores() {
    ReusedAttributesBuilder.Order order = new ReusedAttributesBuilder.Order();
    assertSameAsSdk(order, b -> b.put(AttributeKey.stringKey(""), "empty name").put((AttributeKey<String>) null, "x")
        .put(AttributeKey.stringKey("n"), null).put("k", "v").putAll(null));
    assertSameAsSdk(order, b -> { });
  }

  @Test
  void valueAttributesAreTheSdkBuildersAfterwardsToo() {
    ReusedAttributesBuilder.Order order = new ReusedAttributesBuilder.Order();
    for (int i = 0; i < 2; i++) {
      assertSameAsSdk(order, b -> b.put("a", 1L).put("v", Value.of("primitive")).put("m", Value.of(new byte[] {1, 2}))
          .put("z", "after").remove(AttributeKey.longKey("a")));
    }
    // the next set starts on the reused builder again
    assertInstanceOf(SortedAttributes.class, reused.start(order).put("a", 1L).build());
  }

  @Test
  void buildsAgainUntilStartedAgainThenForgetsThePreviousSet() {
    ReusedAttributesBuilder.Order order = new ReusedAttributesBuilder.Order();
    ReusedAttributesBuilder builder = reused.start(order);
    builder.put("b", "2").put("a", "1");
    Attributes first = builder.build();
    assertEquals(Attributes.builder().put("a", "1").put("b", "2").build(), first);
    assertEquals(first, builder.put("c", "3").build().toBuilder().remove(AttributeKey.stringKey("c")).build());
    Attributes second = reused.start(order).put("a", "3").build();
    assertEquals(Attributes.of(AttributeKey.stringKey("a"), "3"), second);
    assertEquals(Attributes.builder().put("a", "1").put("b", "2").build(), first, "built sets do not change");
  }

  @Test
  void toBuilderAndMapsBehaveAsTheSdks() {
    ReusedAttributesBuilder.Order order = new ReusedAttributesBuilder.Order();
    Attributes ours = reused.start(order).put("b", 2L).put("a", "x").put("c", Arrays.asList("l", "m").toArray(new String[0]))
        .build();
    Attributes sdk = Attributes.builder().put("b", 2L).put("a", "x").put("c", "l", "m").build();
    assertEquals(sdk, ours);
    assertEquals(sdk.toBuilder().put("d", true).build(), ours.toBuilder().put("d", true).build());
    Map<Attributes, String> byAttributes = new HashMap<>();
    byAttributes.put(sdk, "sdk");
    assertEquals("sdk", byAttributes.get(ours)); // as the SDK's metric storage finds a series
    Set<Attributes> set = new HashSet<>(List.of(ours));
    assertEquals(true, set.contains(sdk));
    assertNotEquals(ours, Attributes.builder().put("b", 2L).put("a", "y").put("c", "l", "m").build());
    assertNull(ours.get(AttributeKey.stringKey("b"))); // same name, another type
  }

  private void assertSameAsSdk(ReusedAttributesBuilder.Order order, Consumer<AttributesBuilder> puts) {
    AttributesBuilder sdkBuilder = Attributes.builder();
    puts.accept(sdkBuilder);
    Attributes expected = sdkBuilder.build();
    puts.accept(reused.start(order));
    Attributes actual = reused.build();
    assertEquals(expected, actual);
    assertEquals(actual, expected);
    assertEquals(expected.hashCode(), actual.hashCode());
    assertEquals(expected.toString(), actual.toString());
    assertEquals(expected.size(), actual.size());
    assertEquals(expected.isEmpty(), actual.isEmpty());
    assertEquals(expected.asMap(), actual.asMap());
    assertEquals(pairs(expected), pairs(actual)); // the same order, the same key objects' names and types
    expected.forEach((k, v) -> assertEquals(v, actual.get(k)));
    assertEquals(expected, actual.toBuilder().build());
  }

  private static List<Object> pairs(Attributes attributes) {
    List<Object> pairs = new ArrayList<>();
    attributes.forEach((k, v) -> {
      pairs.add(k.getKey() + ":" + k.getType());
      pairs.add(v);
    });
    return pairs;
  }

  private static Consumer<AttributesBuilder> randomSequence(Random random) {
    int n = random.nextInt(40);
    List<Consumer<AttributesBuilder>> steps = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name = HOSTILE_NAMES[random.nextInt(HOSTILE_NAMES.length)];
      int kind = random.nextInt(10);
      long number = random.nextInt(5);
      switch (kind) {
        case 0:
          steps.add(b -> b.put(AttributeKey.longKey(name), number));
          break;
        case 1:
          steps.add(b -> b.put(AttributeKey.doubleKey(name), number / 2.0));
          break;
        case 2:
          steps.add(b -> b.put(AttributeKey.booleanKey(name), number > 2));
          break;
        case 3:
          steps.add(b -> b.put(AttributeKey.stringArrayKey(name), Arrays.asList("x", name)));
          break;
        case 4:
          steps.add(b -> b.put(AttributeKey.longArrayKey(name), Arrays.asList(number, 7L)));
          break;
        case 5:
          steps.add(b -> b.remove(AttributeKey.stringKey(name)));
          break;
        case 6:
          steps.add(b -> b.putAll(Attributes.builder().put(name, "all").put("a", number).build()));
          break;
        default:
          steps.add(b -> b.put(AttributeKey.stringKey(name), name + number));
      }
    }
    return b -> steps.forEach(step -> step.accept(b));
  }

  @Test
  void saysWhetherAKeyMayHaveChangedSinceAMark() {
    ReusedAttributesBuilder b = new ReusedAttributesBuilder().start(new ReusedAttributesBuilder.Order());
    b.put("a", "1").put("b", "2");
    long mark = b.mark();
    b.put("c", "3");
    assertFalse(b.changedSince(mark, "a"));
    assertTrue(b.changedSince(mark, "c"), "put after the mark");
    b.put("a", "again");
    assertTrue(b.changedSince(mark, "a"), "put again after the mark");
    long later = b.mark();
    b.remove(AttributeKey.stringKey("c"));
    assertTrue(b.changedSince(later, "b"), "a removal may have taken anything");
    b.start(new ReusedAttributesBuilder.Order()).put("a", "1");
    long fresh = b.mark();
    assertFalse(b.changedSince(fresh, "a"), "a new set starts unchanged");
    b.put(AttributeKey.valueKey("v"), Value.of("x"));
    assertTrue(b.changedSince(fresh, "a"), "the SDK's builder took over and cannot be looked into");
  }
}
