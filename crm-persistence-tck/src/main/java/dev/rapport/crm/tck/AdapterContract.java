package dev.rapport.crm.tck;

import dev.rapport.crm.spi.Persistence;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

/**
 * The whole adapter contract in one class: an adapter's test extends it and supplies its {@link
 * Persistence}; JUnit then runs every contract of the TCK against it, each as a nested group.
 *
 * <pre>{@code
 * class MyAdapterContractTest extends AdapterContract {
 *   @Override
 *   protected Persistence persistence() {
 *     return MyPersistence.on(testDatabase);
 *   }
 * }
 * }</pre>
 *
 * <p>{@link #persistence()} is called before every test. It may return a new, empty store each
 * time or the same one every time: each test works in its own fresh tenant, so tests never see
 * each other's data. Several stores (databases, providers) are several subclasses, for example
 * nested ones. A contract added to the TCK is added here, so an adapter that runs this class runs
 * it without a change (the TCK's own test checks that none is missing).
 */
public abstract class AdapterContract {

  /** For subclasses. */
  protected AdapterContract() {}

  /** The adapter under test; see the class description. */
  protected abstract Persistence persistence();

  /** {@link ActivityContract} on this adapter. */
  @Nested
  @DisplayName("ActivityContract")
  class Activity extends ActivityContract {
    @Override
    protected Persistence persistence() {
      return AdapterContract.this.persistence();
    }

    @Override
    String adapterName() {
      return AdapterContract.this.getClass().getName();
    }
  }

  /** {@link AtomicConversionContract} on this adapter. */
  @Nested
  @DisplayName("AtomicConversionContract")
  class AtomicConversion extends AtomicConversionContract {
    @Override
    protected Persistence persistence() {
      return AdapterContract.this.persistence();
    }

    @Override
    String adapterName() {
      return AdapterContract.this.getClass().getName();
    }
  }

  /** {@link CampaignContract} on this adapter. */
  @Nested
  @DisplayName("CampaignContract")
  class Campaign extends CampaignContract {
    @Override
    protected Persistence persistence() {
      return AdapterContract.this.persistence();
    }

    @Override
    String adapterName() {
      return AdapterContract.this.getClass().getName();
    }
  }

  /** {@link ConversionContract} on this adapter. */
  @Nested
  @DisplayName("ConversionContract")
  class Conversion extends ConversionContract {
    @Override
    protected Persistence persistence() {
      return AdapterContract.this.persistence();
    }

    @Override
    String adapterName() {
      return AdapterContract.this.getClass().getName();
    }
  }

  /** {@link MergeContract} on this adapter. */
  @Nested
  @DisplayName("MergeContract")
  class Merge extends MergeContract {
    @Override
    protected Persistence persistence() {
      return AdapterContract.this.persistence();
    }

    @Override
    String adapterName() {
      return AdapterContract.this.getClass().getName();
    }
  }

  /** {@link MailContract} on this adapter. */
  @Nested
  @DisplayName("MailContract")
  class Mail extends MailContract {
    @Override
    protected Persistence persistence() {
      return AdapterContract.this.persistence();
    }

    @Override
    String adapterName() {
      return AdapterContract.this.getClass().getName();
    }
  }

  /** {@link BoardContract} on this adapter. */
  @Nested
  @DisplayName("BoardContract")
  class Board extends BoardContract {
    @Override
    protected Persistence persistence() {
      return AdapterContract.this.persistence();
    }
  }

  /** {@link ServiceLevelContract} on this adapter. */
  @Nested
  @DisplayName("ServiceLevelContract")
  class ServiceLevels extends ServiceLevelContract {
    @Override
    protected Persistence persistence() {
      return AdapterContract.this.persistence();
    }
  }

  /** {@link CustomFieldContract} on this adapter. */
  @Nested
  @DisplayName("CustomFieldContract")
  class CustomFieldsOnAdapter extends CustomFieldContract {
    @Override
    protected Persistence persistence() {
      return AdapterContract.this.persistence();
    }
  }

  /** {@link IndustryContract} on this adapter. */
  @Nested
  @DisplayName("IndustryContract")
  class Industries extends IndustryContract {
    @Override
    protected Persistence persistence() {
      return AdapterContract.this.persistence();
    }
  }

  /** {@link SearchContract} on this adapter. */
  @Nested
  @DisplayName("SearchContract")
  class Search extends SearchContract {
    @Override
    protected Persistence persistence() {
      return AdapterContract.this.persistence();
    }
  }

  /** {@link AuditContract} on this adapter. */
  @Nested
  @DisplayName("AuditContract")
  class Audit extends AuditContract {
    @Override
    protected Persistence persistence() {
      return AdapterContract.this.persistence();
    }
  }

  /** {@link PrivacyContract} on this adapter. */
  @Nested
  @DisplayName("PrivacyContract")
  class Privacy extends PrivacyContract {
    @Override
    protected Persistence persistence() {
      return AdapterContract.this.persistence();
    }
  }

  /** {@link DeleteContract} on this adapter. */
  @Nested
  @DisplayName("DeleteContract")
  class Delete extends DeleteContract {
    @Override
    protected Persistence persistence() {
      return AdapterContract.this.persistence();
    }

    @Override
    String adapterName() {
      return AdapterContract.this.getClass().getName();
    }
  }

  /** {@link ConsentContract} on this adapter. */
  @Nested
  @DisplayName("ConsentContract")
  class Consent extends ConsentContract {
    @Override
    protected Persistence persistence() {
      return AdapterContract.this.persistence();
    }

    @Override
    String adapterName() {
      return AdapterContract.this.getClass().getName();
    }
  }

  /** {@link DuplicateContract} on this adapter. */
  @Nested
  @DisplayName("DuplicateContract")
  class Duplicate extends DuplicateContract {
    @Override
    protected Persistence persistence() {
      return AdapterContract.this.persistence();
    }

    @Override
    String adapterName() {
      return AdapterContract.this.getClass().getName();
    }
  }

  /** {@link EventDeliveryContract} on this adapter. */
  @Nested
  @DisplayName("EventDeliveryContract")
  class EventDelivery extends EventDeliveryContract {
    @Override
    protected Persistence persistence() {
      return AdapterContract.this.persistence();
    }

    @Override
    String adapterName() {
      return AdapterContract.this.getClass().getName();
    }
  }

  /** {@link FeedbackContract} on this adapter. */
  @Nested
  @DisplayName("FeedbackContract")
  class Feedback extends FeedbackContract {
    @Override
    protected Persistence persistence() {
      return AdapterContract.this.persistence();
    }

    @Override
    String adapterName() {
      return AdapterContract.this.getClass().getName();
    }
  }

  /** {@link OptimisticConcurrencyContract} on this adapter. */
  @Nested
  @DisplayName("OptimisticConcurrencyContract")
  class OptimisticConcurrency extends OptimisticConcurrencyContract {
    @Override
    protected Persistence persistence() {
      return AdapterContract.this.persistence();
    }

    @Override
    String adapterName() {
      return AdapterContract.this.getClass().getName();
    }
  }

  /** {@link QueryContract} on this adapter. */
  @Nested
  @DisplayName("QueryContract")
  class Query extends QueryContract {
    @Override
    protected Persistence persistence() {
      return AdapterContract.this.persistence();
    }

    @Override
    String adapterName() {
      return AdapterContract.this.getClass().getName();
    }
  }

  /** {@link RejectedCommandContract} on this adapter. */
  @Nested
  @DisplayName("RejectedCommandContract")
  class RejectedCommand extends RejectedCommandContract {
    @Override
    protected Persistence persistence() {
      return AdapterContract.this.persistence();
    }

    @Override
    String adapterName() {
      return AdapterContract.this.getClass().getName();
    }
  }

  /** {@link RoundTripContract} on this adapter. */
  @Nested
  @DisplayName("RoundTripContract")
  class RoundTrip extends RoundTripContract {
    @Override
    protected Persistence persistence() {
      return AdapterContract.this.persistence();
    }

    @Override
    String adapterName() {
      return AdapterContract.this.getClass().getName();
    }
  }

  /** {@link SalesContract} on this adapter. */
  @Nested
  @DisplayName("SalesContract")
  class Sales extends SalesContract {
    @Override
    protected Persistence persistence() {
      return AdapterContract.this.persistence();
    }

    @Override
    String adapterName() {
      return AdapterContract.this.getClass().getName();
    }
  }

  /** {@link SalesRejectedCommandContract} on this adapter. */
  @Nested
  @DisplayName("SalesRejectedCommandContract")
  class SalesRejectedCommand extends SalesRejectedCommandContract {
    @Override
    protected Persistence persistence() {
      return AdapterContract.this.persistence();
    }

    @Override
    String adapterName() {
      return AdapterContract.this.getClass().getName();
    }
  }

  /** {@link ServiceCaseContract} on this adapter. */
  @Nested
  @DisplayName("ServiceCaseContract")
  class ServiceCase extends ServiceCaseContract {
    @Override
    protected Persistence persistence() {
      return AdapterContract.this.persistence();
    }

    @Override
    String adapterName() {
      return AdapterContract.this.getClass().getName();
    }
  }

  /** {@link ServiceRejectedCommandContract} on this adapter. */
  @Nested
  @DisplayName("ServiceRejectedCommandContract")
  class ServiceRejectedCommand extends ServiceRejectedCommandContract {
    @Override
    protected Persistence persistence() {
      return AdapterContract.this.persistence();
    }

    @Override
    String adapterName() {
      return AdapterContract.this.getClass().getName();
    }
  }

  /** {@link TenantIsolationContract} on this adapter. */
  @Nested
  @DisplayName("TenantIsolationContract")
  class TenantIsolation extends TenantIsolationContract {
    @Override
    protected Persistence persistence() {
      return AdapterContract.this.persistence();
    }

    @Override
    String adapterName() {
      return AdapterContract.this.getClass().getName();
    }
  }

  /** {@link TimelineContract} on this adapter. */
  @Nested
  @DisplayName("TimelineContract")
  class Timeline extends TimelineContract {
    @Override
    protected Persistence persistence() {
      return AdapterContract.this.persistence();
    }

    @Override
    String adapterName() {
      return AdapterContract.this.getClass().getName();
    }
  }

  /** {@link UnitOfWorkContract} on this adapter. */
  @Nested
  @DisplayName("UnitOfWorkContract")
  class UnitOfWork extends UnitOfWorkContract {
    @Override
    protected Persistence persistence() {
      return AdapterContract.this.persistence();
    }

    @Override
    String adapterName() {
      return AdapterContract.this.getClass().getName();
    }
  }

  /** {@link ValueStormContract} on this adapter. */
  @Nested
  @DisplayName("ValueStormContract")
  class ValueStorm extends ValueStormContract {
    @Override
    protected Persistence persistence() {
      return AdapterContract.this.persistence();
    }

    @Override
    String adapterName() {
      return AdapterContract.this.getClass().getName();
    }
  }

  /** {@link AnalyticsContract} on this adapter. */
  @Nested
  @DisplayName("AnalyticsContract")
  class Analytics extends AnalyticsContract {
    @Override
    protected Persistence persistence() {
      return AdapterContract.this.persistence();
    }

    @Override
    String adapterName() {
      return AdapterContract.this.getClass().getName();
    }
  }
  /** {@link SegmentationContract} on this adapter. */
  @Nested
  @DisplayName("SegmentationContract")
  class Segmentation extends SegmentationContract {
    @Override
    protected Persistence persistence() {
      return AdapterContract.this.persistence();
    }

    @Override
    String adapterName() {
      return AdapterContract.this.getClass().getName();
    }
  }

  /** {@link LeadScoringContract} on this adapter. */
  @Nested
  @DisplayName("LeadScoringContract")
  class LeadScoring extends LeadScoringContract {
    @Override
    protected Persistence persistence() {
      return AdapterContract.this.persistence();
    }

    @Override
    String adapterName() {
      return AdapterContract.this.getClass().getName();
    }
  }
}
