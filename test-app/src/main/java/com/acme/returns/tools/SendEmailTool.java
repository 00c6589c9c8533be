package com.acme.returns.tools;

import com.acme.returns.Counters;
import com.acme.returns.db.Database;
import com.acme.returns.db.Sql;
import com.acme.returns.support.SimulatedLatency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Renders a customer e-mail from a template, hands it to the mail relay and logs it. */
public final class SendEmailTool extends BaseTool {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");
  private static final double MAIL_RELAY_MILLIS = 4;
  private static final String LOG_SQL =
      "INSERT INTO email_log (message_id, recipient, template, subject, body)"
          + " VALUES (?, ?, ?, ?, ?)";

  public SendEmailTool(Database database) {
    super(database);
  }

  @Override
  public String name() {
    return "send_email";
  }

  @Override
  public ToolResult run(ToolCall call) {
    return execute(call, this::send);
  }

  private ToolResult send(ToolCall call) {
    String to = call.requireString("to");
    String templateName = call.requireString("template");
    Map<String, Object> vars = call.optionalMap("vars");
    EmailTemplates.Template template = EmailTemplates.get(templateName);
    String subject = renderTemplate(template.subject(), vars);
    String body = renderTemplate(template.body(), vars);
    String messageId = "<" + reference(call).toLowerCase(Locale.ROOT) + "@returns.acme.example>";
    SimulatedLatency.sleepMillis(MAIL_RELAY_MILLIS);
    withConnection(c -> Sql.update(c, LOG_SQL, messageId, to, templateName, subject, body));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("message_id", messageId);
    data.put("to", to);
    data.put("template", templateName);
    data.put("subject", subject);
    return ToolResult.ok(call, data);
  }

  /** Replaces each {{name}} with {@code vars.get(name)}; unknown names are left as they are. */
  public String renderTemplate(String template, Map<String, Object> vars) {
    Counters.EMAIL_RENDERS.increment();
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder(template.length() + 64);
    while (matcher.find()) {
      Object value = vars.get(matcher.group(1));
      matcher.appendReplacement(out,
          Matcher.quoteReplacement(value == null ? matcher.group() : String.valueOf(value)));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
