//! Integration tests on the real runtime: its genesis presets, and each part of the regulation
//! driven through the runtime's dispatch as a wallet's extrinsics would be. One test binary, so
//! that the runtime is linked into a test once.

mod common;

mod board;
mod complaints;
mod contributions;
mod duties;
mod genesis;
mod governance;
mod insurance;
mod membership;
mod projects;
mod random;
mod transfer;
