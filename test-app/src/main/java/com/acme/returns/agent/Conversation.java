package com.acme.returns.agent;

/** A customer's return request: the input of one agent run. */
public final class Conversation {

  private final int index;
  private final String customerEmail;
  private final String accountId;
  private final String orderId;
  private final String message;
  private final long simulationSeed;

  /**
   * @param accountId the customer's account ("acct-0007"): who is billed for the conversation
   * @param simulationSeed seeds everything random in this conversation's run (model sampling,
   *     rate limits, session choice), so the run does not depend on other threads
   */
  public Conversation(int index, String customerEmail, String accountId, String orderId, String message,
      long simulationSeed) {
    this.index = index;
    this.customerEmail = customerEmail;
    this.accountId = accountId;
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

  public String getAccountId() {
    return accountId;
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
