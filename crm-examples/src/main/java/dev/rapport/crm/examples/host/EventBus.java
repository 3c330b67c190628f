package dev.rapport.crm.examples.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The accounting package's own event bus (in a real product: a message broker, or the
 * application's in-process bus). Rapport's events are relayed onto it as {@link Message}s with a
 * topic ({@code crm.LeadCaptured}, ...), so the rest of the product reacts to CRM events the same
 * way as to its own. Thread-safe.
 */
public final class EventBus {

  /** One message: a topic, the id of the record it concerns, and a payload. */
  public record Message(String topic, String key, String payload) {
    public Message {
      Objects.requireNonNull(topic, "topic");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(payload, "payload");
    }
  }

  private final List<Message> published = new CopyOnWriteArrayList<>();
  private final List<Consumer<Message>> subscribers = new CopyOnWriteArrayList<>();

  public void publish(Message message) {
    published.add(message);
    for (Consumer<Message> s : subscribers) {
      s.accept(message);
    }
  }

  public void subscribe(Consumer<Message> subscriber) {
    subscribers.add(subscriber);
  }

  /** Every message published so far, in order. */
  public List<Message> published() {
    return List.copyOf(published);
  }

  /** The topics published so far, in order. */
  public List<String> topics() {
    List<String> topics = new ArrayList<>();
    for (Message m : published) {
      topics.add(m.topic());
    }
    return topics;
  }
}
