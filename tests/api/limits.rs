//! Query and request limits: each hostile shape is refused with its code before any database
//! work (the statement counter does not move), and the time each refusal took is printed.

use std::time::{Duration, Instant};

use axum::{body::Body, http::Request};
use kinograph::{
    config::LimitArgs, domain::viewer::Role, graphql::build_schema_for, seo::urls::PublicUrl,
};
use serde_json::{Value, json};

use crate::common::{Answer, TestApp};

/// Longest any refusal may take before the test calls it a hang (the figures are printed;
/// they are far below this).
const HANG: Duration = Duration::from_secs(10);

/// Sends `body` and checks it is refused with `code` without database work; returns the
/// answer.
async fn refused(app: &TestApp, shape: &str, body: Value, code: &str) -> Answer {
    let before = app.statements.get();
    let started = Instant::now();
    let answer = app.post(&body, &[]).await;
    let elapsed = started.elapsed();
    eprintln!("{shape}: {} in {elapsed:?}", answer.status);
    assert_eq!(answer.code(), Some(code), "{shape}: {}", answer.body);
    assert_eq!(app.statements.get(), before, "{shape} reached the database");
    assert!(elapsed < HANG, "{shape} took {elapsed:?}");
    answer
}

fn message(answer: &Answer) -> &str {
    answer.body["errors"][0]["message"]
        .as_str()
        .unwrap_or_default()
}

#[tokio::test]
async fn a_connection_costs_its_page_size_times_what_each_item_selects() {
    let app = TestApp::spawn().await;
    let query = "query($n: Int) { films(first: $n) { nodes { slug title year \
                 screenings(first: $n) { nodes { id startsAt venue { slug } } } } } }";
    // About 100 × 100 × 5 = 50,000: far over 10,000.
    let answer = refused(
        &app,
        "100 films × 100 screenings",
        json!({ "query": query, "variables": { "n": 100 } }),
        "QUERY_TOO_COMPLEX",
    )
    .await;
    assert!(message(&answer).contains("complex"), "{}", answer.body);
    // The same document with small pages is cheap and runs.
    app.query(query, json!({ "n": 3 })).await.ok();
    // Literal page sizes count as variables do, and so do the fields' default pages.
    let literal = query.replace("query($n: Int) ", "").replace("$n", "100");
    refused(
        &app,
        "literal page sizes",
        json!({ "query": literal }),
        "QUERY_TOO_COMPLEX",
    )
    .await;
}

#[tokio::test]
async fn alias_bombs_and_root_field_floods_are_refused() {
    let app = TestApp::spawn().await;
    let aliases: String = (0..1000)
        .map(|i| format!("a{i}: films {{ totalCount }} "))
        .collect();
    let answer = refused(
        &app,
        "1,000 aliases",
        json!({ "query": format!("{{ {aliases} }}") }),
        "BAD_USER_INPUT",
    )
    .await;
    assert!(message(&answer).contains("aliases"), "{}", answer.body);

    // Aliases inside a fragment count once per spread.
    let spread = "{ films { nodes { ...A ...A2 } } } \
                  fragment A on Film { a1: slug a2: slug a3: slug a4: slug a5: slug a6: slug \
                  a7: slug a8: slug a9: slug a10: slug a11: slug a12: slug a13: slug a14: slug \
                  a15: slug a16: slug } fragment A2 on Film { ...A }";
    refused(
        &app,
        "aliases through fragments",
        json!({ "query": spread }),
        "BAD_USER_INPUT",
    )
    .await;

    let roots: String = (0..21)
        .map(|i| format!("r{i}: films {{ totalCount }} "))
        .collect();
    let answer = refused(
        &app,
        "21 root fields",
        json!({ "query": format!("{{ {roots} }}") }),
        "BAD_USER_INPUT",
    )
    .await;
    assert!(message(&answer).contains("root fields"), "{}", answer.body);
    // Twenty are fine.
    let twenty: String = (0..20)
        .map(|i| format!("r{i}: films {{ totalCount }} "))
        .collect();
    app.query(&format!("{{ {twenty} }}"), json!({})).await.ok();
}

#[tokio::test]
async fn fragment_cycles_and_fragment_bombs_are_refused_cleanly() {
    let app = TestApp::spawn().await;
    let cycle = "query { films { nodes { ...A } } } \
                 fragment A on Film { slug ...B } fragment B on Film { year ...A }";
    let answer = refused(
        &app,
        "fragment cycle",
        json!({ "query": cycle }),
        "BAD_USER_INPUT",
    )
    .await;
    assert!(message(&answer).contains("cycle"), "{}", answer.body);

    // Each fragment spreads the one below twice: 2^60 fields once expanded.
    let mut bomb =
        String::from("query { films { nodes { ...F60 } } }\nfragment F0 on Film { slug }\n");
    for level in 1..=60 {
        let below = level - 1;
        bomb.push_str(&format!(
            "fragment F{level} on Film {{ ...F{below} ...F{below} }}\n"
        ));
    }
    refused(
        &app,
        "fragment bomb (2^60 fields)",
        json!({ "query": bomb }),
        "QUERY_TOO_COMPLEX",
    )
    .await;

    // A chain of 2,000 fragments spreading the next.
    let mut chain = String::from("query { ...F0 }\n");
    for level in 0..2000 {
        chain.push_str(&format!(
            "fragment F{level} on QueryRoot {{ ...F{} }}\n",
            level + 1
        ));
    }
    chain.push_str("fragment F2000 on QueryRoot { __typename }\n");
    refused(
        &app,
        "2,000-fragment chain",
        json!({ "query": chain }),
        "BAD_USER_INPUT",
    )
    .await;
}

#[tokio::test]
async fn deep_queries_are_refused_by_the_limit_and_by_the_parser() {
    let app = TestApp::spawn().await;
    // Within the length limit but 17 levels deep.
    let mut deep = String::from("{ films { nodes { ");
    for _ in 0..7 {
        deep.push_str("coProductions { organization { ");
    }
    deep.push_str("slug");
    deep.push_str(&" } }".repeat(7));
    deep.push_str(" } } }");
    let answer = refused(
        &app,
        "17 levels",
        json!({ "query": deep }),
        "QUERY_TOO_DEEP",
    )
    .await;
    assert!(message(&answer).contains("16 levels"), "{}", answer.body);
    // 5,000 levels of braces: the parser's recursion limit, not a stack overflow.
    let braces = format!(
        "{{ {} slug {} }}",
        "films { ".repeat(5000),
        "} ".repeat(5000)
    );
    let braces = braces.chars().take(30 * 1024).collect::<String>();
    let answer = refused(
        &app,
        "5,000 nested braces",
        json!({ "query": braces }),
        "QUERY_TOO_DEEP",
    )
    .await;
    assert!(!message(&answer).is_empty());
}

#[tokio::test]
async fn directive_abuse_is_refused_cleanly() {
    let app = TestApp::spawn().await;
    let repeated = format!(
        "{{ films {} {{ totalCount }} }}",
        "@include(if: true) ".repeat(1000)
    );
    refused(
        &app,
        "1,000 repeated directives",
        json!({ "query": repeated }),
        "BAD_USER_INPUT",
    )
    .await;
    let unknown = format!("{{ films {} {{ totalCount }} }}", "@x ".repeat(5000));
    refused(
        &app,
        "5,000 unknown directives",
        json!({ "query": unknown }),
        "BAD_USER_INPUT",
    )
    .await;
}

#[tokio::test]
async fn long_queries_huge_batches_and_big_bodies_are_refused() {
    let app = TestApp::spawn().await;
    let long = format!("{{ films {{ totalCount }} }} {}", "#".repeat(40 * 1024));
    let answer = refused(
        &app,
        "40 KiB query",
        json!({ "query": long }),
        "BAD_USER_INPUT",
    )
    .await;
    assert!(message(&answer).contains("bytes long"), "{}", answer.body);

    let batch: Vec<Value> = (0..10_000)
        .map(|_| json!({ "query": "{ films { totalCount } }" }))
        .collect();
    let answer = refused(
        &app,
        "10,000-operation batch",
        json!(batch),
        "BAD_USER_INPUT",
    )
    .await;
    assert_eq!(answer.status, 400);
    assert!(message(&answer).contains("at most 10"), "{}", answer.body);

    // 10 MB, declared up front: refused before reading.
    let big = format!(
        "{{\"query\":\"{{ films {{ totalCount }} }}\",\"variables\":{{\"x\":\"{}\"}}}}",
        "a".repeat(10 * 1024 * 1024)
    );
    let before = app.statements.get();
    let declared = app
        .send(
            Request::post("/graphql")
                .header("content-type", "application/json")
                .header("content-length", big.len())
                .body(Body::from(big.clone()))
                .unwrap(),
        )
        .await;
    assert_eq!(declared.status, 413, "{}", declared.body);
    assert_eq!(declared.code(), Some("BAD_USER_INPUT"));
    // The body is left unread: the client must not reuse the connection.
    assert_eq!(declared.headers["connection"], "close");
    // The same 10 MB streamed without a length: cut off where it passes the limit.
    let chunks: Vec<Result<String, std::io::Error>> = big
        .as_bytes()
        .chunks(64 * 1024)
        .map(|c| Ok(String::from_utf8_lossy(c).into_owned()))
        .collect();
    let streamed = app
        .send(
            Request::post("/graphql")
                .header("content-type", "application/json")
                .body(Body::from_stream(futures::stream::iter(chunks)))
                .unwrap(),
        )
        .await;
    assert_eq!(streamed.status, 413, "{}", streamed.body);
    assert_eq!(streamed.code(), Some("BAD_USER_INPUT"));
    assert_eq!(streamed.headers["connection"], "close");
    assert_eq!(app.statements.get(), before);
}

#[tokio::test]
async fn deeply_nested_variables_are_bad_input_not_a_crash() {
    let app = TestApp::spawn().await;
    let query = "query($ids: [ID!]!) { nodes(ids: $ids) { id } }";
    let mut nested = json!(["RmlsbToxMjM"]);
    for _ in 0..99 {
        nested = json!([nested]);
    }
    refused(
        &app,
        "100-level nested list variable",
        json!({ "query": query, "variables": { "ids": nested } }),
        "BAD_USER_INPUT",
    )
    .await;
    // Deeper than the JSON parser goes: the body itself is refused.
    let text = format!(
        "{{\"query\":\"{{ films {{ totalCount }} }}\",\"variables\":{{\"x\":{}1{}}}}}",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let before = app.statements.get();
    let answer = app
        .send(
            Request::post("/graphql")
                .header("content-type", "application/json")
                .body(Body::from(text))
                .unwrap(),
        )
        .await;
    assert_eq!(answer.status, 400, "{}", answer.body);
    assert_eq!(answer.code(), Some("BAD_USER_INPUT"));
    assert_eq!(app.statements.get(), before);
}

#[tokio::test]
async fn the_limits_are_configurable() {
    let app = TestApp::spawn_limited(LimitArgs {
        max_aliases: 1,
        max_root_fields: 1,
        max_depth: 3,
        max_batch: 1,
        max_query_bytes: 200,
        ..LimitArgs::default()
    })
    .await;
    for (shape, query) in [
        ("2 aliases", "{ films { nodes { a: slug b: slug } } }"),
        (
            "2 root fields",
            "{ films { totalCount } pressMaterials { totalCount } }",
        ),
    ] {
        refused(&app, shape, json!({ "query": query }), "BAD_USER_INPUT").await;
    }
    refused(
        &app,
        "4 levels",
        json!({ "query": "{ films { nodes { genres { slug } } } }" }),
        "QUERY_TOO_DEEP",
    )
    .await;
    refused(
        &app,
        "201 bytes",
        json!({ "query": format!("{{ films {{ totalCount }} }}{}", " ".repeat(180)) }),
        "BAD_USER_INPUT",
    )
    .await;
    let two =
        json!([{ "query": "{ films { totalCount } }" }, { "query": "{ films { totalCount } }" }]);
    refused(&app, "batch of 2", two, "BAD_USER_INPUT").await;
    app.query("{ films { nodes { a: slug } } }", json!({}))
        .await
        .ok();
}

#[tokio::test]
async fn every_contract_operation_fits_the_default_limits_with_room_to_spare() {
    let defaults = LimitArgs::default();
    let documents = [
        include_str!("../operations/FilmCatalogue.graphql"),
        include_str!("../operations/FilmPage.graphql"),
        include_str!("../operations/OrganizationPage.graphql"),
        include_str!("../operations/AgreementPage.graphql"),
        include_str!("../operations/LocationPage.graphql"),
        include_str!("../operations/FestivalProgramme.graphql"),
        include_str!("../operations/PressRoom.graphql"),
        include_str!("../operations/PartnerSync.graphql"),
        include_str!("../operations/NodeLookup.graphql"),
        include_str!("../operations/Search.graphql"),
        include_str!("../operations/EditorFlow.graphql"),
    ];
    for document in documents {
        let parsed = async_graphql::parser::parse_query(document).unwrap();
        for (name, _) in parsed.operations.iter() {
            let name = name.map(|n| n.to_string()).unwrap_or_default();
            // The biggest pages a client may ask for.
            let variables = json!({ "first": 100 });
            let cost = cost(document, &name, &variables).await;
            eprintln!("{name}: cost {cost} with pages of 100");
            assert!(
                cost * 2 <= defaults.max_complexity,
                "{name} costs {cost}: less than twice as much would be refused"
            );
        }
    }
}

/// The complexity async-graphql computes for operation `name`: the smallest limit that
/// does not refuse it (no database is needed: only validation runs when it is refused).
async fn cost(document: &str, name: &str, variables: &Value) -> usize {
    let too_complex = |limit: usize| {
        let schema = build_schema_for(
            PublicUrl::default(),
            &LimitArgs {
                max_complexity: limit,
                max_depth: 100,
                ..LimitArgs::default()
            },
        );
        let request = async_graphql::Request::new(document)
            .operation_name(name)
            .variables(async_graphql::Variables::from_json(variables.clone()));
        async move {
            schema
                .execute(request)
                .await
                .errors
                .iter()
                .any(|e| e.message.contains("too complex"))
        }
    };
    let (mut low, mut high) = (0usize, 1_000_000usize);
    assert!(!too_complex(high).await, "{name} costs over a million");
    assert!(
        too_complex(1).await,
        "{name}: a limit of 1 is not refused as too complex, so the search would find 0"
    );
    while low < high {
        let middle = (low + high) / 2;
        if too_complex(middle).await {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    low
}

#[tokio::test]
async fn a_request_past_the_time_limit_is_stopped_and_frees_its_connection() {
    use sea_orm::{ConnectionTrait, TransactionTrait};
    let app = TestApp::spawn_limited(LimitArgs {
        request_timeout: Duration::from_millis(300),
        ..LimitArgs::default()
    })
    .await;
    let editor = app.key("time-limited-editor", Role::Editor).await;
    let film = app
        .query(
            "{ film(slug: \"sample-white-nights\") { id version } }",
            json!({}),
        )
        .await
        .ok();
    let id = film.data()["film"]["id"].as_str().unwrap().to_string();
    // Another session holds the film's row (PostgreSQL) or the write lock (SQLite).
    let blocker = app.db.begin().await.unwrap();
    blocker
        .execute_unprepared("UPDATE film SET year = year WHERE slug = 'sample-white-nights'")
        .await
        .unwrap();
    let version = film.data()["film"]["version"].as_i64().unwrap();
    let mutation = "mutation($id: ID!, $v: Int!) { \
                    updateFilm(input: { id: $id, expectedVersion: $v, year: 1999 }) { film { year } } }";
    // More stopped writes than the pool has connections (4): each must give its back.
    for attempt in 0..6 {
        let started = Instant::now();
        let answer = app
            .query_as(Some(&editor), mutation, json!({ "id": id, "v": version }))
            .await;
        let elapsed = started.elapsed();
        eprintln!("stopped write {attempt}: {elapsed:?}");
        assert_eq!(answer.code(), Some("INTERNAL"), "{}", answer.body);
        assert!(
            message(&answer).contains("did not finish within 300ms"),
            "{}",
            answer.body
        );
        assert!(elapsed < HANG);
    }
    // Reads still find connections while the blocker holds its lock.
    app.query("{ films { totalCount } }", json!({})).await.ok();
    blocker.rollback().await.unwrap();
    // Nothing of the stopped writes was kept, and writing works again.
    let year = app
        .query(
            "{ film(slug: \"sample-white-nights\") { year } }",
            json!({}),
        )
        .await
        .ok();
    assert_ne!(year.data()["film"]["year"], 1999);
    let written = app
        .query_as(Some(&editor), mutation, json!({ "id": id, "v": version }))
        .await
        .ok();
    assert_eq!(written.data()["updateFilm"]["film"]["year"], 1999);
}

#[tokio::test]
async fn a_client_still_writing_a_refused_body_reads_the_413() {
    // Over real TCP: the client declares 10 MB, sends the first 64 KiB, reads the 413, then
    // writes the rest. The server reads and drops the rest ("lingering close") before it
    // closes; closing with the bytes unread would reset the connection under the writer.
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let app = TestApp::spawn().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let router = app.router.clone();
    tokio::spawn(async move {
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .await
    });
    let total = 10 * 1024 * 1024;
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    let head = format!(
        "POST /graphql HTTP/1.1\r\nHost: kinograph\r\nContent-Type: application/json\r\n\
         Content-Length: {total}\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let chunk = vec![b' '; 64 * 1024];
    stream.write_all(&chunk).await.unwrap();
    let mut answer = Vec::new();
    let mut buffer = [0u8; 4096];
    while !String::from_utf8_lossy(&answer).contains("}]}") {
        let read = tokio::time::timeout(HANG, stream.read(&mut buffer))
            .await
            .expect("an answer")
            .unwrap();
        assert!(read > 0, "closed before the answer");
        answer.extend_from_slice(&buffer[..read]);
    }
    let answer = String::from_utf8_lossy(&answer).to_lowercase();
    assert!(answer.starts_with("http/1.1 413"), "{answer}");
    assert!(answer.contains("connection: close"), "{answer}");
    let mut written = chunk.len();
    while written < total {
        stream
            .write_all(&chunk)
            .await
            .unwrap_or_else(|err| panic!("the rest of the body, at {written} bytes: {err}"));
        written += chunk.len();
    }
    let closed = tokio::time::timeout(HANG, stream.read(&mut buffer))
        .await
        .expect("the server closes after the body");
    assert!(matches!(closed, Ok(0)), "{closed:?}");
}
