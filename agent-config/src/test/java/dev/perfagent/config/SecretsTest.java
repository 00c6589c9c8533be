package dev.perfagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SecretsTest {
  @Test
  void theUserInfoOfAUrlIsMaskedWhole() {
    assertEquals("http://***@collector:4318", Secrets.url("http://user:pass@collector:4318"));
    assertEquals("https://***@host/v1/traces", Secrets.url("https://TOKEN@host/v1/traces"));
    assertEquals("http://***@host:4318/x", Secrets.url("http://user:p@ss@host:4318/x"), "up to the last @");
    assertEquals("http://collector:4318/v1/traces", Secrets.url("http://collector:4318/v1/traces"));
    assertEquals("http://collector:4318/a?user=me@acme.com", Secrets.url("http://collector:4318/a?user=me@acme.com"));
    assertNull(Secrets.url(null));
  }

  @Test
  void secretNamedQueryParametersAreMasked() {
    assertEquals("http://c:4318/v1/traces?api_key=***&tenant=acme",
        Secrets.url("http://c:4318/v1/traces?api_key=k-123&tenant=acme"));
  }

  @Test
  void freeTextLosesUrlUserInfoAndSecretNamedValues() {
    assertEquals(
        "Failed to connect to http://***@127.0.0.1:9/v1/traces: refused",
        Secrets.mask("Failed to connect to http://bob:hunter2@127.0.0.1:9/v1/traces: refused"));
    assertEquals("headers: Authorization: *** tenant=acme",
        Secrets.mask("headers: Authorization: Bearer eyJ.abc.def tenant=acme"));
    assertEquals("{\"x-api-key\":\"***\", \"n\":\"1\"}", Secrets.mask("{\"x-api-key\":\"k-123\", \"n\":\"1\"}"));
    assertEquals("password=*** and token: ***", Secrets.mask("password=hunter2 and token: abc"));
    assertEquals("12 spans recorded, 12 exported -> console", Secrets.mask("12 spans recorded, 12 exported -> console"));
  }

  @Test
  void positionsAndQuotedNamesInTheAgentsOwnMessagesStayReadable() {
    String[] unchanged = {
      "/etc/keys.yaml:3:5: header 'x-api-key': the value contains a line break",
      "unknown key 'tokn'; expected one of: service, export; did you mean 'token'?",
      "config /srv/auth/perf-agent.yaml, 3 pointcuts",
    };
    for (String message : unchanged) {
      assertEquals(message, Secrets.mask(message));
    }
  }

  @Test
  void rememberedValuesAreMaskedWhereverTheyAppear() {
    Secrets.remember("tenant-7f3a9c-value");
    Secrets.remember("7f3a9c"); // a part of a longer one: the longer is masked whole first
    assertEquals(
        "Unexpected char 0x0a in x-tenant value: ***; id *** again ***",
        Secrets.mask("Unexpected char 0x0a in x-tenant value: tenant-7f3a9c-value; id 7f3a9c again tenant-7f3a9c-value"));
  }

  @Test
  void shortValuesAreNotRememberedSoCountsStayReadable() {
    Secrets.remember("42");
    Secrets.remember(null);
    assertEquals("42 spans", Secrets.mask("42 spans"));
    assertNull(Secrets.mask(null));
  }

  @Test
  void capturedContentLosesSecretNamedValuesButNotTheAgentsOwnSecrets() {
    assertEquals("ChatCompletionUserMessageParam{content=Content{text=Use api_key=***} for the call}, role=user}",
        Secrets.redact("ChatCompletionUserMessageParam{content=Content{text=Use api_key=sk-live-1} for the call}, role=user}"));
    assertEquals("{\"orderId\":\"A-17\",\"password\":\"***\"}",
        Secrets.redact("{\"orderId\":\"A-17\",\"password\":\"hunter2\"}"));
    assertEquals("UserMessage { text = \"Authorization: *** please\" }",
        Secrets.redact("UserMessage { text = \"Authorization: Bearer eyJ.abc please\" }"));
    assertEquals("fetch http://***@example.com/x", Secrets.redact("fetch http://bob:pw@example.com/x"));
    Secrets.remember("tenant-acme");
    assertEquals("orders of tenant-acme", Secrets.redact("orders of tenant-acme"),
        "a remembered secret (an OTLP header value) is the agent's, not looked for in the application's text");
    assertEquals("Where is my order?", Secrets.redact("Where is my order?"));
    assertNull(Secrets.redact(null));
  }
}
