/**
 * The alerts half of the local twin: EventBridge's default bus ({@link
 * com.paymentslake.local.alerts.LocalEventBus}, patterns matched by AWS's event-ruler, EventBridge
 * input transformer semantics), SNS email topics ({@link
 * com.paymentslake.local.alerts.LocalSnsTopic}, real SMTP through Angus Mail), an embedded SMTP
 * server for the demo ({@link com.paymentslake.local.alerts.EmbeddedSmtpServer}, GreenMail), and
 * the facade that wires them from the workflow definition ({@link
 * com.paymentslake.local.alerts.LocalAlerts}).
 *
 * <p>Data directory layout: {@code events/events.jsonl} (every event put on the bus) and {@code
 * alerts/*.eml} (emails the embedded server received).
 */
package com.paymentslake.local.alerts;
