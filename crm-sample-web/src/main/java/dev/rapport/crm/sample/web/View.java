package dev.rapport.crm.sample.web;

import dev.rapport.crm.activity.Activity;
import dev.rapport.crm.activity.Task;
import dev.rapport.crm.activity.TimelineItem;
import dev.rapport.crm.lead.Lead;
import org.springframework.stereotype.Component;

/** What the templates show of a record where that takes more than a property ({@code @view} in a template). */
@Component("view")
public class View {

  /** The lead's e-mail address, or nothing. */
  public String email(Lead lead) {
    return lead.email().map(Object::toString).orElse("");
  }

  /** One line of a timeline: the event's name and summary, or the activity's or task's subject. */
  public String line(TimelineItem item) {
    String what = item.event().orElse(item.kind().name());
    String text = item.summary().or(() -> item.activity().map(Activity::subject))
        .or(() -> item.task().map(Task::subject)).orElse("");
    return what + ": " + text;
  }
}
