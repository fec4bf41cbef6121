//! Benchmarks of every call and of the escalation hook, at the worst case of the configured
//! bounds: full panels whose members each have the most guarantors, counter-complaints, the
//! largest complaint bond held and moved, and cases that drew in a full panel at every level
//! before they close.

use super::*;
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, Mutate},
	Hooks,
};
use frame_system::RawOrigin;
use sp_runtime::traits::One;

const SEED: u32 = 0;

fn max_guarantors<T: Config>() -> u32 {
	T::MaxPanel::get().min(T::BenchmarkHelper::max_guarantors())
}

/// `count` fresh accounts named `name`, starting at `from`.
fn accounts<T: Config>(name: &'static str, from: u32, count: u32) -> Vec<T::AccountId> {
	(from..from.saturating_add(count)).map(|i| account(name, i, SEED)).collect()
}

/// Fills the escalation deadlines of the block `period` from now so that filing one more opens a
/// new page: the costliest filing (the block's first page and its last overflow page are
/// full). The items name no case, so the hook would skip them.
fn full_deadline_pages<T: Config>(period: BlockNumberFor<T>) {
	let now = frame_system::Pallet::<T>::block_number();
	let at = now.saturating_add(period);
	for _ in 0..T::DeadlinePageSize::get().saturating_mul(2) {
		EscalationQueue::<T>::file(now, at, (CaseId::MAX, 0));
	}
}

/// A complainant and an accused with a deal between them; the accused has a full level-0
/// panel, each of whose members has guarantors of their own (so the case can climb).
/// `tag` keeps the accounts of several cases apart.
fn parties<T: Config>(tag: u32) -> (T::AccountId, T::AccountId, DealId) {
	let width = max_guarantors::<T>();
	let complainant: T::AccountId = account("complainant", tag, SEED);
	let accused: T::AccountId = account("accused", tag, SEED);
	T::BenchmarkHelper::guarantee(&complainant, &accounts::<T>("backer", tag * 1_000, width));
	let panel = accounts::<T>("guarantor", tag * 1_000, width);
	T::BenchmarkHelper::guarantee(&accused, &panel);
	for (i, member) in panel.iter().enumerate() {
		let above = accounts::<T>("above", (tag * 1_000 + i as u32) * 100, width);
		T::BenchmarkHelper::guarantee(member, &above);
	}
	let deal = T::BenchmarkHelper::deal(&complainant, &accused);
	stake_bonds::<T>(&complainant, &accused);
	(complainant, accused, deal)
}

/// Makes the complainant's class hold the largest bond, and both parties able to hold it.
fn stake_bonds<T: Config>(complainant: &T::AccountId, accused: &T::AccountId) {
	let bond = T::MaxComplaintBond::get();
	if let Some(class) = T::Members::class_of(complainant) {
		ComplaintBonds::<T>::insert(class, bond);
	}
	let funds = bond.saturating_mul(2u32.into()).saturating_add(T::Currency::minimum_balance());
	for party in [complainant, accused] {
		if let Err(error) = T::Currency::mint_into(party, funds) {
			panic!("benchmark setup failed: {error:?}");
		}
	}
}

/// Fills both parties' lists of recent cases, so that filing drops the oldest.
fn fill_lists<T: Config>(parties: [&T::AccountId; 2]) {
	for party in parties {
		CasesOf::<T>::insert(
			party,
			BoundedVec::truncate_from(vec![CaseId::MAX; T::MaxCasesListed::get() as usize]),
		);
	}
}

/// Marks as drawn into `case` as many more guarantees as a case that climbed to the top
/// with full panels on both sides holds: what closing it must release.
fn fill_reviews<T: Config>(case: CaseId) {
	let pairs = T::MaxPanel::get()
		.saturating_mul(T::MaxEscalationDepth::get().saturating_add(1))
		.saturating_mul(2);
	for i in 0..pairs {
		let guarantor: T::AccountId = account("reviewed", i, SEED);
		let protege: T::AccountId = account("reviewed-protege", i, SEED);
		Reviews::<T>::insert(case, (&guarantor, &protege), ());
		UnderReview::<T>::insert(&guarantor, &protege, 1);
		Blocks::<T>::insert(&guarantor, case, BlockReason::Panel);
	}
}

/// The largest compensation the case allows.
fn full<T: Config>(case: CaseId) -> BalanceOf<T> {
	Cases::<T>::get(case).map(|c| c.amount).unwrap_or_default()
}

fn file_both<T: Config>(tag: u32) -> CaseId {
	let (complainant, accused, deal) = parties::<T>(tag);
	let case = NextCaseId::<T>::get();
	let filed = Pallet::<T>::file(RawOrigin::Signed(complainant).into(), deal, None)
		.and_then(|_| Pallet::<T>::file(RawOrigin::Signed(accused).into(), deal, None));
	if let Err(error) = filed {
		panic!("benchmark setup failed: {error:?}");
	}
	case
}

/// Moves side 0 of `case` past its deadline.
fn make_due<T: Config>(case: CaseId) {
	if let Some(Stage::Panel { deadline, .. }) = Cases::<T>::get(case).map(|c| c.sides[0].stage) {
		frame_system::Pallet::<T>::set_block_number(deadline);
	}
}

#[benchmarks]
mod benchmarks {
	use super::*;

	// The counter-complaint: the case exists, the accused has a full panel, lists are full,
	// and the deadline's block has full pages.
	#[benchmark]
	fn file() {
		let (complainant, accused, deal) = parties::<T>(0);
		fill_lists::<T>([&complainant, &accused]);
		if let Err(error) = Pallet::<T>::file(RawOrigin::Signed(complainant).into(), deal, None) {
			panic!("benchmark setup failed: {error:?}");
		}
		full_deadline_pages::<T>(EscalationPeriod::<T>::get());
		#[extrinsic_call]
		_(RawOrigin::Signed(accused), deal, Some(H256::zero()));
		assert_eq!(Cases::<T>::get(0).map(|c| c.sides.len()), Some(2));
		assert_eq!(Cases::<T>::get(0).map(|c| c.sides[1].bond), Some(T::MaxComplaintBond::get()));
	}

	// The last vote, which decides the last open side at level 1 by revocation over the most
	// dissents and closes a case that drew in full panels at every level: the whole level-0
	// panel refused to answer, so its escrow pays first and every guarantee of it ends; then
	// the expulsion, and every block lifted.
	#[benchmark]
	fn vote() {
		let case = file_both::<T>(0);
		let panel = |side: usize| -> Vec<T::AccountId> {
			Cases::<T>::get(case)
				.map(|c| c.sides[side].panel.iter().map(|(g, _)| g.clone()).collect())
				.unwrap_or_default()
		};
		let amount = full::<T>(case);
		for member in panel(1) {
			let _ = Pallet::<T>::vote(RawOrigin::Signed(member).into(), case, 1, Verdict::Dismiss);
		}
		// Side 0's level-0 panel lets its deadline pass without a vote.
		make_due::<T>(case);
		let caller: T::AccountId = whitelisted_caller();
		if let Err(error) = Pallet::<T>::escalate(RawOrigin::Signed(caller).into(), case, 0) {
			panic!("benchmark setup failed: {error:?}");
		}
		// Every member but the last votes, and as many as can without a majority dissent: the
		// deciding vote records the most dissents.
		let mut members = panel(0);
		let size = members.len();
		let last = members.pop().expect("a panel");
		let majority = size / 2 + 1;
		for (i, member) in members.into_iter().enumerate() {
			let verdict =
				if i < size - majority { Verdict::Dismiss } else { Verdict::Revoke(amount) };
			let _ = Pallet::<T>::vote(RawOrigin::Signed(member).into(), case, 0, verdict);
		}
		fill_reviews::<T>(case);
		#[extrinsic_call]
		_(RawOrigin::Signed(last), case, 0, Verdict::Revoke(amount));
		assert!(Cases::<T>::get(case).is_some_and(|c| c.closed_at.is_some()));
		assert_eq!(
			Cases::<T>::get(case).map(|c| c.sides[0].outcome),
			Some(Some(Outcome::Decided { verdict: Verdict::Revoke(amount), level: Some(1) }))
		);
	}

	// A vote that decides nothing, the common case, at its worst: the first vote of a full
	// level-1 panel (panels above level 0 may hold `MaxPanel`, more than a member's
	// guarantors), which reads every vote of the panel.
	#[benchmark]
	fn vote_recorded() {
		let case = file_both::<T>(0);
		make_due::<T>(case);
		let caller: T::AccountId = whitelisted_caller();
		if let Err(error) = Pallet::<T>::escalate(RawOrigin::Signed(caller).into(), case, 0) {
			panic!("benchmark setup failed: {error:?}");
		}
		let first = Cases::<T>::get(case)
			.and_then(|c| c.sides[0].panel.first().map(|(g, _)| g.clone()))
			.expect("a panel");
		#[extrinsic_call]
		vote(RawOrigin::Signed(first), case, 0, Verdict::Dismiss);
		assert!(matches!(
			Cases::<T>::get(case).map(|c| c.sides[0].stage),
			Some(Stage::Panel { level: 1, .. })
		));
	}

	// The withdrawal that closes a case with the most guarantees drawn in, after the first
	// deadline: the bond is paid to the accused.
	#[benchmark]
	fn withdraw() {
		let (complainant, _, deal) = parties::<T>(0);
		let _ = Pallet::<T>::file(RawOrigin::Signed(complainant.clone()).into(), deal, None);
		fill_reviews::<T>(0);
		make_due::<T>(0);
		#[extrinsic_call]
		_(RawOrigin::Signed(complainant), 0);
		assert!(Cases::<T>::get(0).is_some_and(|c| c.closed_at.is_some()));
	}

	// A full panel, each member with the most guarantors, climbs a level; the next deadline's
	// block has full pages.
	#[benchmark]
	fn escalate() {
		let case = file_both::<T>(0);
		make_due::<T>(case);
		full_deadline_pages::<T>(EscalationPeriod::<T>::get());
		let caller: T::AccountId = whitelisted_caller();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), case, 0);
		assert!(matches!(
			Cases::<T>::get(case).map(|c| c.sides[0].stage),
			Some(Stage::Panel { level: 1, .. })
		));
	}

	// The general vote decides the last open side by revocation: the case closes.
	#[benchmark]
	fn decide() {
		let case = file_both::<T>(0);
		let amount = full::<T>(case);
		let _ = Cases::<T>::try_mutate(case, |c| {
			let c = c.as_mut().ok_or(())?;
			for side in c.sides.iter_mut() {
				side.stage = Stage::GeneralVote { until: Zero::zero() };
			}
			Ok::<(), ()>(())
		});
		let _ = Pallet::<T>::decide(RawOrigin::Root.into(), case, 1, Verdict::Dismiss);
		fill_reviews::<T>(case);
		#[extrinsic_call]
		_(RawOrigin::Root, case, 0, Verdict::Revoke(amount));
		assert!(Cases::<T>::get(case).is_some_and(|c| c.closed_at.is_some()));
	}

	// Measurement only, run with `--extra` by scripts/measure-escalation.sh: one escalation step
	// among `m` members. Its cost must depend on the panel alone, never on the membership.
	#[benchmark(extra)]
	fn escalate_among_members(m: Linear<1_000, 100_000>) {
		T::BenchmarkHelper::add_members(m);
		let case = file_both::<T>(0);
		make_due::<T>(case);
		let caller: T::AccountId = whitelisted_caller();
		#[extrinsic_call]
		escalate(RawOrigin::Signed(caller), case, 0);
		assert!(matches!(
			Cases::<T>::get(case).map(|c| c.sides[0].stage),
			Some(Stage::Panel { level: 1, .. })
		));
	}

	#[benchmark]
	fn set_escalation_period() {
		#[extrinsic_call]
		_(RawOrigin::Root, 7u32.into());
		assert_eq!(EscalationPeriod::<T>::get(), 7u32.into());
	}

	#[benchmark]
	fn set_complaint_bond() {
		let amount = T::MaxComplaintBond::get();
		#[extrinsic_call]
		_(RawOrigin::Root, 1, amount);
		assert_eq!(ComplaintBonds::<T>::get(1), amount);
	}

	#[benchmark]
	fn lift_ban() {
		let member: T::AccountId = account("banned", 0, 0);
		let now = frame_system::Pallet::<T>::block_number();
		let ban =
			Ban { from: now, until: now.saturating_add(10u32.into()), reason: BanReason::Strikes };
		Bans::<T>::insert(&member, ban);
		WindowCounts::<T>::insert(
			&member,
			WindowCount { start: now, upheld: 0, strikes: 5, dismissed: 1 },
		);
		#[extrinsic_call]
		_(RawOrigin::Root, member.clone());
		assert!(!Bans::<T>::contains_key(&member));
	}

	// Nothing due, nothing waiting: the block reads the queue's backlog and first page.
	#[benchmark]
	fn on_initialize_idle() {
		let now = frame_system::Pallet::<T>::block_number().saturating_add(One::one());
		#[block]
		{
			Pallet::<T>::on_initialize(now);
		}
		assert!(DeadlineBacklog::<T>::get().is_none());
	}

	// `n` sides climb a level in one block, each a full panel of members with the most
	// guarantors, after `b` blocks stepped through (a backlog of `b - 1` empty blocks).
	#[benchmark]
	fn on_initialize(
		n: Linear<
			0,
			{ T::DeadlinePageSize::get().saturating_mul(T::DeadlinePagesPerBlock::get()) },
		>,
		b: Linear<1, { synergy_primitives::deadlines::MAX_BLOCKS_STEPPED }>,
	) {
		let mut cases = Vec::new();
		for tag in 0..n {
			let (complainant, _, deal) = parties::<T>(tag);
			cases.push(NextCaseId::<T>::get());
			if let Err(error) = Pallet::<T>::file(RawOrigin::Signed(complainant).into(), deal, None)
			{
				panic!("benchmark setup failed: {error:?}");
			}
		}
		// The setup may have moved through blocks between the cases: every side is made due
		// at one block, with nothing due before it.
		let now = frame_system::Pallet::<T>::block_number();
		let due = now.saturating_add(EscalationPeriod::<T>::get());
		let _ = Deadlines::<T>::clear(u32::MAX, None);
		for case in cases {
			let _ = Cases::<T>::try_mutate(case, |c| {
				let side = c.as_mut().and_then(|c| c.sides.get_mut(0)).ok_or(())?;
				side.stage = Stage::Panel { level: 0, deadline: due };
				Ok::<(), ()>(())
			});
			EscalationQueue::<T>::file(now, due, (case, 0));
		}
		DeadlineBacklog::<T>::put(due.saturating_sub(b.saturating_sub(1).into()));
		#[block]
		{
			Pallet::<T>::on_initialize(due);
		}
		assert!(Deadlines::<T>::get(due).is_empty());
		assert!(DeadlineBacklog::<T>::get().is_none());
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
