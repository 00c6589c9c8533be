package dev.perfagent.agent.export;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.internal.ImmutableKeyValuePairs;

/**
 * Attributes from pairs already sorted by key name and without duplicate names
 * ({@link ReusedAttributesBuilder} makes them): the API's own {@link ImmutableKeyValuePairs}, so
 * {@code get}, {@code forEach}, {@code asMap}, {@code equals} and {@code hashCode} are the SDK's
 * (equal to the SDK's attributes of the same pairs, both ways), without the sort its builder does.
 */
final class SortedAttributes extends ImmutableKeyValuePairs<AttributeKey<?>, Object> implements Attributes {
  /** @param data key, value, key, value...: sorted by key name, no name twice, no null */
  SortedAttributes(Object[] data) {
    super(data);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T get(AttributeKey<T> key) {
    return (T) super.get(key);
  }

  @Override
  public AttributesBuilder toBuilder() {
    return Attributes.builder().putAll(this);
  }
}
