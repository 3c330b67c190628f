package dev.rapport.crm.spring.host;

import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.spring.CrmProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A host service that writes its own order and Rapport's lead in one transaction. */
@Service
public class SignupService {
  private final CrmProvider crms;

  @PersistenceContext
  private EntityManager em;

  SignupService(CrmProvider crms) {
    this.crms = crms;
  }

  /** Records the order and captures its buyer as a lead; both or neither. */
  @Transactional
  public Lead signUp(String first, String last, String email) {
    em.persist(new HostOrder(crms.crm().tenant().value(), email));
    return crms.crm().leads().capture(NewLead.builder(PersonName.of(first, last), LeadSource.WEBSITE_SIGNUP)
        .email(email).build());
  }

  /** As {@link #signUp}, then fails after the lead was captured: nothing must be left. */
  @Transactional
  public Lead signUpThenFail(String first, String last, String email) {
    signUp(first, last, email);
    throw new IllegalStateException("the payment was declined");
  }

  /**
   * Records the order, then asks Rapport for a lead that does not exist and carries on as if the
   * {@code NotFoundException} did not matter: the failed command has marked the transaction
   * rollback-only, so the commit fails and the order is not stored.
   */
  @Transactional
  public void signUpIgnoringAFailedCommand(String email, LeadId unknown) {
    em.persist(new HostOrder(crms.crm().tenant().value(), email));
    try {
      crms.crm().leads().assign(unknown, "ada");
    } catch (NotFoundException expected) {
      // carry on
    }
  }

  /** How many orders of the current tenant the host's table holds. */
  @Transactional(readOnly = true)
  public long orders() {
    return em.createQuery("select count(o) from HostOrder o where o.tenantId = :t", Long.class)
        .setParameter("t", crms.crm().tenant().value())
        .getSingleResult();
  }
}
