package dev.rapport.crm.field;

import dev.rapport.crm.event.CrmEvent;

/** Events of custom fields: a definition defined, changed or removed, and a record's values changed. */
public sealed interface FieldEvent extends CrmEvent permits CustomFieldDefined, CustomFieldChanged,
    CustomFieldRemoved, CustomFieldRenamed, CustomFieldsChanged {}
