package com.acme.returns.agent;

/** A customer's return request: the input of one agent run. */
public final class Conversation {

  private final int index;
  private final String customerEmail;
  private final String orderId;
  private final String message;
  private final long simulationSeed;

  /**
   * @param simulationSeed seeds everything random in this conversation's run (model sampling,
   *     rate limits, session choice), so the run does not depend on other threads
   */
  public Conversation(int index, String customerEmail, String orderId, String message,
      long simulationSeed) {
    this.index = index;
    this.customerEmail = customerEmail;
    this.orderId = orderId;
    this.message = message;
    this.simulationSeed = simulationSeed;
  }

  public int getIndex() {
    return index;
  }

  /** "conv-0007" for index 7. */
  public String getId() {
    return String.format("conv-%04d", index);
  }

  public String getCustomerEmail() {
    return customerEmail;
  }

  public String getOrderId() {
    return orderId;
  }

  public String getMessage() {
    return message;
  }

  public long getSimulationSeed() {
    return simulationSeed;
  }

  @Override
  public String toString() {
    return getId() + " " + orderId + ": " + message;
  }
}
