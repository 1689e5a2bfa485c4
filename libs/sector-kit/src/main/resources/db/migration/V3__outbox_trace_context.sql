-- The W3C traceparent of the request or event that wrote an outbox row: the relay sends the row later, on its own thread,
-- and puts this trace on the Kafka record so the consumers' spans join the request's trace.
alter table outbox_event add column traceparent text;
