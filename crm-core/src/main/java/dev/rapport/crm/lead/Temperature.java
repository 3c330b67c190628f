package dev.rapport.crm.lead;

/** How likely a lead is to turn into revenue. */
public enum Temperature {
  /** No engagement: picked from a list, say. */
  COLD,
  /** Engaged with marketing: subscribed to the newsletter, attended a webinar. */
  WARM,
  /** Shown interest in buying: asked for a demo, a quote or pricing, booked a meeting. */
  HOT
}
