//! Incident categories for reporting to CERT-SE.
//!
//! These are the ten top-level classes of the Reference Security Incident Taxonomy
//! (the eCSIRT.net taxonomy kept by ENISA's working group, which European CSIRTs use),
//! without its "test" class. CERT-SE's own Swedish names could not be confirmed from
//! their published material when this was written, so the Swedish names here are plain
//! translations of the taxonomy's, and the stable code is the taxonomy's English name.

/// A CERT-SE incident category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CertSeCategory {
    /// Spam, harmful speech, abusive content.
    AbusiveContent,
    /// Malware: viruses, worms, trojans, ransomware.
    MaliciousCode,
    /// Scanning, sniffing, social engineering (gathering information before an attack).
    InformationGathering,
    /// Attempts to break in: exploiting known weaknesses, login attempts.
    IntrusionAttempts,
    /// A successful break-in: a compromised account, system or application.
    Intrusions,
    /// Denial of service, sabotage, outages.
    Availability,
    /// Unauthorised access to or change of information, data loss (incl. phishing that reached data).
    InformationContentSecurity,
    /// Fraud: unauthorised use of resources, copyright, masquerade, phishing.
    Fraud,
    /// Vulnerable systems or services (a weakness found, nothing exploited yet).
    Vulnerable,
    /// What fits no other category.
    Other,
}

impl CertSeCategory {
    /// Every category, in the taxonomy's order.
    pub const ALL: [CertSeCategory; 10] = [
        CertSeCategory::AbusiveContent,
        CertSeCategory::MaliciousCode,
        CertSeCategory::InformationGathering,
        CertSeCategory::IntrusionAttempts,
        CertSeCategory::Intrusions,
        CertSeCategory::Availability,
        CertSeCategory::InformationContentSecurity,
        CertSeCategory::Fraud,
        CertSeCategory::Vulnerable,
        CertSeCategory::Other,
    ];

    /// Its stable code (in exports and the database).
    pub fn as_str(self) -> &'static str {
        match self {
            CertSeCategory::AbusiveContent => "abusive_content",
            CertSeCategory::MaliciousCode => "malicious_code",
            CertSeCategory::InformationGathering => "information_gathering",
            CertSeCategory::IntrusionAttempts => "intrusion_attempts",
            CertSeCategory::Intrusions => "intrusions",
            CertSeCategory::Availability => "availability",
            CertSeCategory::InformationContentSecurity => "information_content_security",
            CertSeCategory::Fraud => "fraud",
            CertSeCategory::Vulnerable => "vulnerable",
            CertSeCategory::Other => "other",
        }
    }

    /// The category with this code.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == code)
    }

    /// Its name in Swedish.
    pub fn name_sv(self) -> &'static str {
        match self {
            CertSeCategory::AbusiveContent => "Otillåtet innehåll",
            CertSeCategory::MaliciousCode => "Skadlig kod",
            CertSeCategory::InformationGathering => "Informationsinsamling",
            CertSeCategory::IntrusionAttempts => "Intrångsförsök",
            CertSeCategory::Intrusions => "Intrång",
            CertSeCategory::Availability => "Tillgänglighet",
            CertSeCategory::InformationContentSecurity => "Informationens säkerhet",
            CertSeCategory::Fraud => "Bedrägeri",
            CertSeCategory::Vulnerable => "Sårbarhet",
            CertSeCategory::Other => "Annat",
        }
    }

    /// Its name in English (the taxonomy's).
    pub fn name_en(self) -> &'static str {
        match self {
            CertSeCategory::AbusiveContent => "Abusive content",
            CertSeCategory::MaliciousCode => "Malicious code",
            CertSeCategory::InformationGathering => "Information gathering",
            CertSeCategory::IntrusionAttempts => "Intrusion attempts",
            CertSeCategory::Intrusions => "Intrusions",
            CertSeCategory::Availability => "Availability",
            CertSeCategory::InformationContentSecurity => "Information content security",
            CertSeCategory::Fraud => "Fraud",
            CertSeCategory::Vulnerable => "Vulnerable",
            CertSeCategory::Other => "Other",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_ten_and_their_codes_round_trip() {
        assert_eq!(CertSeCategory::ALL.len(), 10);
        let mut codes: Vec<_> = CertSeCategory::ALL.iter().map(|c| c.as_str()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), 10);
        for c in CertSeCategory::ALL {
            assert_eq!(CertSeCategory::parse(c.as_str()), Some(c));
            assert!(!c.name_sv().is_empty() && !c.name_en().is_empty());
        }
        assert_eq!(CertSeCategory::parse("test"), None);
    }
}
