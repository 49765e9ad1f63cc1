package org.baomi.core.device.lifecycle;

import org.baomi.core.DomainException;

/**
 * What became of a scrapped device's storage (hard disks, memory of a copier): the storage items
 * (e.g. the disk serials), where they went for destruction (the destruction centre or the unit's
 * own supervised destruction) and the reference of the hand-over record.
 */
public record StorageDisposal(String items, String destination, String reference) {
    public StorageDisposal {
        items = items == null ? "" : items.strip();
        destination = destination == null ? "" : destination.strip();
        reference = reference == null ? "" : reference.strip();
        if (items.isEmpty() || destination.isEmpty()) {
            throw new DomainException("device.scrap.storageRecordRequired",
                    "Record the storage removed (e.g. the disk serials) and where it goes for destruction.");
        }
    }
}
