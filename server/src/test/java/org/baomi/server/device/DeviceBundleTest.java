package org.baomi.server.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.device.DeviceStatus;
import org.baomi.core.device.DeviceType;
import org.baomi.core.device.MediumStatus;
import org.baomi.core.device.MediumType;
import org.baomi.core.device.NetworkKind;
import org.baomi.core.device.SecurityControl;
import org.baomi.core.device.compliance.ComplianceEngine;
import org.baomi.core.device.compliance.ComplianceRule;
import org.baomi.core.device.compliance.ComplianceSettings;
import org.baomi.core.device.lifecycle.DeviceEvent;
import org.baomi.core.device.lifecycle.MediumEvent;
import org.baomi.core.org.SecretRelatedLevel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The device bundle in both languages holds a message for every compliance rule and variant, a
 * name for every rule, a word for every code the rules pass as an argument, and a label for
 * every value pages show. A new rule, variant, status or event fails here until it has them.
 */
class DeviceBundleTest {

    static Properties load(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/i18n", file))) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    static List<String> requiredKeys() {
        List<String> keys = new ArrayList<>();
        for (ComplianceRule rule : ComplianceEngine.standardRules(ComplianceSettings.defaults(), Clock.systemUTC())) {
            keys.addAll(rule.messageKeys());
            keys.add("compliance.rule." + rule.id().value());
        }
        Stream.of(ClassificationLevel.values()).forEach(v -> keys.add("compliance.arg." + v.name()));
        Stream.of(NetworkKind.values()).forEach(v -> keys.add("compliance.arg." + v.name()));
        Stream.of(SecretRelatedLevel.values()).forEach(v -> keys.add("compliance.arg." + v.name()));
        Stream.of(SecurityControl.values()).forEach(v -> keys.add("compliance.arg." + v.name()));
        Stream.of("NON_CLASSIFIED", "INTERNET", "WIRELESS_CARD", "BLUETOOTH", "MODEM", "IP_ADDRESS", "MAC_ADDRESS",
                "RESPONSIBLE_PERSON").forEach(v -> keys.add("compliance.arg." + v));
        Stream.of(DeviceType.values()).forEach(v -> keys.add("device.type." + v.name()));
        Stream.of(DeviceStatus.values()).forEach(v -> keys.add("device.status." + v.name()));
        Stream.of(Designation.values()).forEach(v -> keys.add("device.designation." + v.name()));
        Stream.of(MediumType.values()).forEach(v -> keys.add("medium.type." + v.name()));
        Stream.of(MediumStatus.values()).forEach(v -> keys.add("medium.status." + v.name()));
        Stream.of(NetworkKind.values()).forEach(v -> keys.add("network.kind." + v.name()));
        Stream.of(DeviceAct.values()).forEach(v -> {
            keys.add("device.act." + v.name());
            keys.add("approval.type." + v.approvalType());
        });
        Stream.of(DeviceEvent.class.getPermittedSubclasses()).forEach(c -> keys.add("device.event." + c.getSimpleName()));
        Stream.of(MediumEvent.class.getPermittedSubclasses()).forEach(c -> keys.add("medium.event." + c.getSimpleName()));
        return keys;
    }

    @ParameterizedTest
    @ValueSource(strings = {"device.properties", "device_en.properties"})
    void everyRuleVariantArgumentAndValueHasItsMessage(String bundle) throws IOException {
        Properties messages = load(bundle);
        assertThat(requiredKeys()).hasSizeGreaterThan(100)
                .allSatisfy(key -> assertThat(messages).as("%s in %s", key, bundle).containsKey(key));
    }
}
