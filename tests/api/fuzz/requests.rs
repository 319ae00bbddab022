//! Whole HTTP requests: a POST body (see `bodies`) or a GET query string (percent-encoded
//! documents and junk), with headers (content types, `Accept`, `Accept-Language`,
//! `Authorization`).

use axum::{body::Body, http::Request};
use rand::{Rng, seq::IndexedRandom};

use super::{Gen, document::Document};

/// One generated request, kept as parts so a failure can show it.
pub struct Case {
    /// Which generator made it.
    pub kind: &'static str,
    pub get: bool,
    pub uri: String,
    pub headers: Vec<(&'static str, Vec<u8>)>,
    /// Sent with the editor's key.
    pub keyed: bool,
    pub body: Vec<u8>,
}

impl Case {
    /// The HTTP request, with `key` as the bearer when the case is keyed; None when the
    /// parts do not make a request (a URI too long for `http`).
    pub fn request(&self, key: &str) -> Option<Request<Body>> {
        let method = if self.get { "GET" } else { "POST" };
        let mut request = Request::builder().method(method).uri(&self.uri);
        for (name, value) in &self.headers {
            request = request.header(*name, value.as_slice());
        }
        if self.keyed {
            request = request.header("authorization", format!("Bearer {key}"));
        }
        request.body(Body::from(self.body.clone())).ok()
    }

    /// The request as text, shortened, for a failure message.
    pub fn show(&self) -> String {
        let headers: Vec<String> = self
            .headers
            .iter()
            .map(|(n, v)| format!("{n}: {}", String::from_utf8_lossy(v)))
            .collect();
        let body = String::from_utf8_lossy(&self.body);
        let cut = |text: &str| {
            let chars: Vec<char> = text.chars().collect();
            if chars.len() <= 4_000 {
                return text.to_string();
            }
            let (head, tail) = (&chars[..2_000], &chars[chars.len() - 2_000..]);
            format!(
                "{} […] {}",
                String::from_iter(head),
                String::from_iter(tail)
            )
        };
        format!(
            "[{}] {} {} keyed={} {:?}\n{}",
            self.kind,
            if self.get { "GET" } else { "POST" },
            cut(&self.uri),
            self.keyed,
            headers,
            cut(&body)
        )
    }
}

impl Gen<'_> {
    /// One request of any kind.
    pub fn case(&mut self) -> Case {
        let (kind, document) = match self.rng.random_range(0..20) {
            0..=5 => ("schema document", self.schema_document()),
            6..=10 => ("mutated operation", self.mutated_operation()),
            _ => {
                let source = *super::document::OPERATIONS.choose(&mut self.rng).unwrap();
                let variables = self.operation_variables(source);
                (
                    "contract operation",
                    Document {
                        query: source.to_string(),
                        variables,
                        operation_name: None,
                    },
                )
            }
        };
        let keyed = self.rng.random_bool(0.5);
        let mut case = match self.rng.random_range(0..20) {
            0..=3 => self.get(kind, &document),
            4..=6 => self.raw(kind, &document),
            7 => self.batch(kind),
            _ => Case {
                kind,
                get: false,
                uri: "/graphql".into(),
                headers: Vec::new(),
                keyed,
                body: self.body(&document).into_bytes(),
            },
        };
        case.keyed = keyed;
        self.headers(&mut case);
        case
    }

    /// `GET /graphql?query=…&variables=…` with the parameters encoded, doubled or broken.
    fn get(&mut self, kind: &'static str, document: &Document) -> Case {
        let encode =
            |text: &str| url::form_urlencoded::byte_serialize(text.as_bytes()).collect::<String>();
        let mut parameters = vec![format!("query={}", encode(&document.query))];
        if self.rng.random_bool(0.8) {
            parameters.push(format!("variables={}", encode(&document.variables)));
        }
        if let Some(name) = &document.operation_name {
            parameters.push(format!("operationName={}", encode(name)));
        }
        if self.rng.random_bool(0.3) {
            let junk = [
                "%ff%fe",
                "%",
                "%zz",
                "&&&",
                "query=",
                "variables=%7B",
                "extensions=%7B%7D",
                "operationName=%00",
                "=",
                "query=%7B&query=%7D",
                "%ed%a0%80",
            ];
            let at = self.rng.random_range(0..=parameters.len());
            parameters.insert(at, junk.choose(&mut self.rng).unwrap().to_string());
        }
        let uri = format!("/graphql?{}", parameters.join("&"));
        Case {
            kind,
            get: true,
            uri,
            headers: Vec::new(),
            keyed: false,
            body: Vec::new(),
        }
    }

    /// Content type (POST), and maybe `Accept`, `Accept-Language` and a broken
    /// `Authorization` in place of the editor's key.
    fn headers(&mut self, case: &mut Case) {
        if !case.get {
            let odd: &[&[u8]] = &[
                b"application/json; charset=utf-8",
                b"APPLICATION/JSON",
                b"application/json; charset=utf-16",
                b"text/plain",
                b"application/graphql",
                b"multipart/form-data; boundary=x",
                b"application/\xff",
            ];
            let content_type: &[u8] = match self.rng.random_range(0..10) {
                0 => odd.choose(&mut self.rng).unwrap(),
                _ => b"application/json",
            };
            if self.rng.random_bool(0.99) {
                case.headers.push(("content-type", content_type.to_vec()));
            }
        }
        if self.rng.random_bool(0.2) {
            let accept: &[&[u8]] = &[
                b"application/graphql-response+json",
                b"application/json",
                b"*/*",
                b"\xff\xfe",
            ];
            case.headers
                .push(("accept", accept.choose(&mut self.rng).unwrap().to_vec()));
        }
        if self.rng.random_bool(0.2) {
            let languages: &[&[u8]] = &[
                b"ru",
                b"en-US,en;q=0.9",
                b"*",
                b"xx;q=abc",
                b"ru;q=0.5, en;q=2",
                b"\xd1\x80\xd1\x83",
                b";;;,,,",
            ];
            case.headers.push((
                "accept-language",
                languages.choose(&mut self.rng).unwrap().to_vec(),
            ));
        }
        if self.rng.random_bool(0.05) {
            case.keyed = false;
            let keys: &[&[u8]] = &[
                b"Bearer ",
                b"Bearer unknown-key",
                b"Basic YWxhZGRpbjpvcGVu",
                b"bearer x",
                b"Bearer \xff\xfe",
                b"Bearer kg_' OR 1=1 --",
            ];
            case.headers.push((
                "authorization",
                keys.choose(&mut self.rng).unwrap().to_vec(),
            ));
        }
    }
}
