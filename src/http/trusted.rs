//! Trusted documents (`--trusted-documents FILE`): the operations anonymous clients may run,
//! read from an Apollo persisted-query manifest
//! (`{"format":"apollo-persisted-query-manifest","version":1,"operations":[{"id","name",
//! "type","body"}]}`, `id` the hex SHA-256 of `body`), and `kinograph trusted-documents`,
//! which writes such a manifest for `.graphql` files.

use std::{collections::HashMap, path::Path, sync::Arc};

use anyhow::{Context as _, bail};
use async_graphql::parser::types::{DocumentOperations, OperationType};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::cache::key::hex;

const FORMAT: &str = "apollo-persisted-query-manifest";

/// The manifest file.
#[derive(Debug, Serialize, Deserialize)]
struct Manifest {
    format: String,
    version: u32,
    operations: Vec<Operation>,
}

/// One listed operation.
#[derive(Debug, Serialize, Deserialize)]
struct Operation {
    id: String,
    name: String,
    #[serde(rename = "type")]
    kind: String,
    body: String,
}

/// The listed operations' documents by hash.
#[derive(Debug, Default)]
pub struct TrustedDocuments(HashMap<String, Arc<str>>);

impl TrustedDocuments {
    /// Reads a manifest; any problem is an error naming the file and the problem.
    pub fn load(path: &Path) -> anyhow::Result<Self> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read the trusted documents {}", path.display()))?;
        Self::parse(&text)
            .with_context(|| format!("the trusted documents {} are not usable", path.display()))
    }

    fn parse(text: &str) -> anyhow::Result<Self> {
        let manifest: Manifest = serde_json::from_str(text).context(
            "not an Apollo persisted-query manifest (JSON with format, version, operations)",
        )?;
        if manifest.format != FORMAT || manifest.version != 1 {
            bail!(
                "format must be \"{FORMAT}\" and version 1, found \"{}\" version {}",
                manifest.format,
                manifest.version
            );
        }
        let mut documents = HashMap::new();
        for operation in manifest.operations {
            let hash = sha256(&operation.body);
            if !hash.eq_ignore_ascii_case(&operation.id) {
                bail!(
                    "operation \"{}\": id {} is not the SHA-256 of its body ({hash})",
                    operation.name,
                    operation.id
                );
            }
            async_graphql::parser::parse_query(&operation.body).with_context(|| {
                format!("operation \"{}\": the body does not parse", operation.name)
            })?;
            documents.insert(hash, Arc::from(operation.body));
        }
        Ok(Self(documents))
    }

    /// The document listed under `hash`.
    pub fn get(&self, hash: &str) -> Option<Arc<str>> {
        self.0.get(&hash.to_ascii_lowercase()).cloned()
    }

    /// True when `hash` is listed.
    pub fn contains(&self, hash: &str) -> bool {
        self.0.contains_key(&hash.to_ascii_lowercase())
    }
}

/// The hex SHA-256 of `text`, as APQ and manifests spell it.
pub fn sha256(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

/// A manifest listing every operation of the `.graphql` files at `paths` (directories are
/// searched recursively). Each operation's body is its file's text, so fragments in the file
/// come along and clients send the file as it is.
pub fn manifest(paths: &[std::path::PathBuf]) -> anyhow::Result<String> {
    let mut files = Vec::new();
    for path in paths {
        collect(path, &mut files, true)?;
    }
    files.sort();
    let mut operations = Vec::new();
    for file in files {
        let body = std::fs::read_to_string(&file)
            .with_context(|| format!("cannot read {}", file.display()))?;
        let document = async_graphql::parser::parse_query(&body)
            .with_context(|| format!("{} does not parse", file.display()))?;
        let listed: Vec<(String, OperationType)> = match &document.operations {
            DocumentOperations::Single(op) => vec![(String::new(), op.node.ty)],
            DocumentOperations::Multiple(ops) => ops
                .iter()
                .map(|(name, op)| (name.to_string(), op.node.ty))
                .collect(),
        };
        for (name, ty) in listed {
            operations.push(Operation {
                id: sha256(&body),
                name,
                kind: ty.to_string(),
                body: body.clone(),
            });
        }
    }
    let manifest = Manifest {
        format: FORMAT.to_string(),
        version: 1,
        operations,
    };
    Ok(serde_json::to_string_pretty(&manifest)?)
}

fn collect(path: &Path, files: &mut Vec<std::path::PathBuf>, named: bool) -> anyhow::Result<()> {
    if path.is_dir() {
        let entries =
            std::fs::read_dir(path).with_context(|| format!("cannot list {}", path.display()))?;
        for entry in entries {
            collect(&entry?.path(), files, false)?;
        }
    } else if path.is_file() {
        if named || path.extension().is_some_and(|e| e == "graphql") {
            files.push(path.to_path_buf());
        }
    } else {
        bail!("{} does not exist", path.display());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_manifest_reads_back_and_a_wrong_id_is_refused() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let file = dir.path().join("Page.graphql");
        std::fs::write(&file, "query Page { films { totalCount } }").expect("written");
        let text = manifest(&[dir.path().to_path_buf()]).expect("manifest");
        let trusted = TrustedDocuments::parse(&text).expect("reads back");
        let hash = sha256("query Page { films { totalCount } }");
        assert!(trusted.contains(&hash));
        let wrong = text.replace(&hash, &"0".repeat(64));
        let err = TrustedDocuments::parse(&wrong).expect_err("refused");
        assert!(format!("{err:#}").contains("not the SHA-256"), "{err:#}");
        assert!(TrustedDocuments::parse("{}").is_err());
    }
}
