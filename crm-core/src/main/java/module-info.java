/**
 * Rapport's core: the domain, the services, the ports an adapter implements and the {@link
 * dev.rapport.crm.Crm} entry point. Every package is API except {@code dev.rapport.crm.internal},
 * which only the JPA adapter reads (a qualified export: it may change without notice).
 */
module dev.rapport.crm {
  requires com.google.common;
  requires com.google.i18n.phonenumbers.libphonenumber;
  requires org.slf4j;
  requires org.apache.commons.text;
  requires org.apache.commons.codec;

  exports dev.rapport.crm;
  exports dev.rapport.crm.activity;
  exports dev.rapport.crm.analytics;
  exports dev.rapport.crm.audit;
  exports dev.rapport.crm.campaign;
  exports dev.rapport.crm.common;
  exports dev.rapport.crm.contact;
  exports dev.rapport.crm.dedupe;
  exports dev.rapport.crm.event;
  exports dev.rapport.crm.exception;
  exports dev.rapport.crm.feedback;
  exports dev.rapport.crm.field;
  exports dev.rapport.crm.servicelevel;
  exports dev.rapport.crm.lead;
  exports dev.rapport.crm.mail;
  exports dev.rapport.crm.opportunity;
  exports dev.rapport.crm.privacy;
  exports dev.rapport.crm.search;
  exports dev.rapport.crm.sales;
  exports dev.rapport.crm.service;
  exports dev.rapport.crm.spi;

  exports dev.rapport.crm.internal to dev.rapport.crm.jpa;
}
