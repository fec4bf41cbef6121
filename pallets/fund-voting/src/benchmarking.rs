//! Benchmarks of every call and of the closing hook, at the worst case: deadlines that spill
//! over full blocks, votes that change, the objection that cancels, and spends paid at the end
//! of their grace. `vote` is measured against the number of members, to show its cost does
//! not grow with the cooperative.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate, Hooks};
use frame_system::RawOrigin;

const SEED: u32 = 0;

/// Stops a benchmark whose setup failed, with the reason.
fn setup<R, E: core::fmt::Debug>(result: Result<R, E>) {
	if let Err(error) = result {
		panic!("benchmark setup failed: {error:?}");
	}
}

/// A funded member.
fn member<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	T::BenchmarkHelper::make_member(&who);
	let _ = T::Currency::set_balance(&who, big::<T>());
	who
}

/// A balance ample for every deposit and spend of the benchmarks.
fn big<T: Config>() -> BalanceOf<T> {
	T::Currency::minimum_balance().saturating_mul(1_000_000_000u32.into())
}

/// Fills the fund well above its reserve.
fn fill_fund<T: Config>() {
	let donor: T::AccountId = account("donor", 0, SEED);
	let _ = T::Currency::set_balance(&donor, big::<T>().saturating_mul(2u32.into()));
	setup(Pallet::<T>::take_in(&donor, big::<T>(), Inflow::Donation, Preservation::Expendable));
}

/// A spend proposed by a fresh member; returns its number.
fn spend<T: Config>(index: u32) -> ProposalId {
	let proposer = member::<T>("proposer", index);
	let beneficiary: T::AccountId = account("beneficiary", index, SEED);
	let id = NextProposalId::<T>::get();
	let amount = T::Currency::minimum_balance().saturating_mul(10u32.into());
	setup(Pallet::<T>::propose_spend(
		RawOrigin::Signed(proposer).into(),
		beneficiary,
		amount,
		H256::zero(),
	));
	id
}

/// Fills the deadline queues of the blocks from `at` so that the next deadline filed there
/// lands in the last block it may spill to.
fn fill_queues<T: Config>(at: BlockNumberFor<T>) {
	let full: BoundedVec<ProposalId, T::MaxDeadlinesPerBlock> = BoundedVec::truncate_from(
		alloc::vec![ProposalId::MAX; T::MaxDeadlinesPerBlock::get() as usize],
	);
	let mut block = at;
	for _ in 1..synergy_primitives::DEADLINE_SPILL {
		Deadlines::<T>::insert(block, full.clone());
		block.saturating_inc();
	}
}

/// A spend approved by every member of its electorate, waiting in its grace.
fn approved_spend<T: Config>(index: u32, voters: &[T::AccountId]) -> ProposalId {
	let id = spend::<T>(index);
	for voter in voters {
		setup(Pallet::<T>::vote(RawOrigin::Signed(voter.clone()).into(), id, Vote::Aye));
	}
	let mut proposal = Proposals::<T>::get(id).expect("just proposed");
	let now = frame_system::Pallet::<T>::block_number();
	Pallet::<T>::close_vote(
		id,
		&mut proposal,
		now.saturating_add(CurrentParameters::<T>::get().voting_period),
	);
	Proposals::<T>::insert(id, proposal);
	id
}

/// Members who vote on everything: enough for quorum, approval and a cancelling objection
/// however few other members there are.
const VOTERS: u32 = 32;

fn voters<T: Config>(count: u32) -> Vec<T::AccountId> {
	(0..count).map(|i| member::<T>("voter", i)).collect()
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn donate() {
		let donor = member::<T>("donor", 1);
		let amount = T::Currency::minimum_balance().saturating_mul(10u32.into());
		#[extrinsic_call]
		_(RawOrigin::Signed(donor), amount);
		assert_eq!(FundStatement::<T>::get().donations, amount);
	}

	#[benchmark]
	fn propose_spend() {
		fill_fund::<T>();
		let proposer = member::<T>("proposer", 0);
		let beneficiary = member::<T>("beneficiary", 0);
		let ends = frame_system::Pallet::<T>::block_number()
			.saturating_add(CurrentParameters::<T>::get().voting_period);
		fill_queues::<T>(ends);
		let amount = T::Currency::minimum_balance().saturating_mul(10u32.into());
		#[extrinsic_call]
		_(RawOrigin::Signed(proposer), beneficiary, amount, H256::zero());
		assert!(Proposals::<T>::contains_key(0));
	}

	#[benchmark]
	fn propose_motion() {
		let proposer = member::<T>("proposer", 0);
		let ends = frame_system::Pallet::<T>::block_number()
			.saturating_add(CurrentParameters::<T>::get().voting_period);
		fill_queues::<T>(ends);
		let call: <T as frame_system::Config>::RuntimeCall =
			Call::<T>::set_parameters { parameters: CurrentParameters::<T>::get() }.into();
		#[extrinsic_call]
		_(RawOrigin::Signed(proposer), Box::new(call), H256::zero());
		assert!(Proposals::<T>::contains_key(0));
	}

	/// A member changes their vote, among `m` members.
	#[benchmark]
	fn vote(m: Linear<1, 1_000>) {
		fill_fund::<T>();
		voters::<T>(m);
		let id = spend::<T>(0);
		let voter: T::AccountId = account("voter", 0, SEED);
		setup(Pallet::<T>::vote(RawOrigin::Signed(voter.clone()).into(), id, Vote::Nay));
		#[extrinsic_call]
		_(RawOrigin::Signed(voter.clone()), id, Vote::Aye);
		assert_eq!(Votes::<T>::get(&voter, id).map(|b| b.vote), Some(Vote::Aye));
	}

	/// A member changes their vote among `m` members: the cooperative's size in state, not in
	/// the work (`scripts/measure-among-members.sh` runs it at 1 000 … 100 000).
	#[benchmark(extra)]
	fn vote_among_members(m: Linear<1_000, 100_000>) {
		fill_fund::<T>();
		for i in 0..m {
			T::BenchmarkHelper::make_member(&account("bystander", i, SEED));
		}
		let voter = member::<T>("voter", 0);
		let id = spend::<T>(0);
		setup(Pallet::<T>::vote(RawOrigin::Signed(voter.clone()).into(), id, Vote::Nay));
		#[extrinsic_call]
		vote(RawOrigin::Signed(voter.clone()), id, Vote::Aye);
		assert_eq!(Votes::<T>::get(&voter, id).map(|b| b.vote), Some(Vote::Aye));
	}

	/// The objection that reaches the threshold and cancels an approved spend.
	#[benchmark]
	fn object() {
		fill_fund::<T>();
		let electorate = voters::<T>(VOTERS);
		let id = approved_spend::<T>(0, &electorate);
		let proposal = Proposals::<T>::get(id).expect("approved");
		let needed = CurrentParameters::<T>::get().objection.mul_ceil(proposal.electorate);
		let all: Vec<T::AccountId> = (0..needed).map(|i| account("voter", i, SEED)).collect();
		let (last, before) = all.split_last().expect("an objection is needed");
		for objector in before {
			setup(Pallet::<T>::object(RawOrigin::Signed(objector.clone()).into(), id));
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(last.clone()), id);
		assert!(matches!(Proposals::<T>::get(id).map(|p| p.status), Some(Status::Objected { .. })));
	}

	#[benchmark]
	fn withdraw_objection() {
		fill_fund::<T>();
		let electorate = voters::<T>(VOTERS);
		let id = approved_spend::<T>(0, &electorate);
		let objector = electorate[0].clone();
		setup(Pallet::<T>::object(RawOrigin::Signed(objector.clone()).into(), id));
		#[extrinsic_call]
		_(RawOrigin::Signed(objector.clone()), id);
		assert!(!Objections::<T>::contains_key(&objector, id));
	}

	#[benchmark]
	fn cancel() {
		fill_fund::<T>();
		let id = spend::<T>(0);
		let proposer = Proposals::<T>::get(id).expect("proposed").proposer;
		#[extrinsic_call]
		_(RawOrigin::Signed(proposer), id);
		assert!(matches!(
			Proposals::<T>::get(id).map(|p| p.status),
			Some(Status::Cancelled { .. })
		));
	}

	/// Closing the grace of an approved spend: it is paid.
	#[benchmark]
	fn close() {
		fill_fund::<T>();
		let electorate = voters::<T>(VOTERS);
		let id = approved_spend::<T>(0, &electorate);
		let Some(Status::Approved { executes }) = Proposals::<T>::get(id).map(|p| p.status) else {
			panic!("benchmark setup failed: not approved");
		};
		frame_system::Pallet::<T>::set_block_number(executes);
		let caller: T::AccountId = account("caller", 0, SEED);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id);
		assert!(matches!(Proposals::<T>::get(id).map(|p| p.status), Some(Status::Executed { .. })));
	}

	#[benchmark]
	fn set_parameters() -> Result<(), BenchmarkError> {
		let origin =
			T::MeetingOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let parameters = CurrentParameters::<T>::get();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, parameters);
		Ok(())
	}

	/// `n` approved spends paid at the end of their grace in one block.
	#[benchmark]
	fn on_initialize(n: Linear<0, { T::MaxDeadlinesPerBlock::get() }>) {
		fill_fund::<T>();
		let electorate = voters::<T>(VOTERS);
		let ids: Vec<ProposalId> = (0..n).map(|i| approved_spend::<T>(i, &electorate)).collect();
		let executes = frame_system::Pallet::<T>::block_number()
			.saturating_add(CurrentParameters::<T>::get().voting_period)
			.saturating_add(CurrentParameters::<T>::get().grace_period);
		assert_eq!(Deadlines::<T>::get(executes).len() as u32, n);
		frame_system::Pallet::<T>::set_block_number(executes);
		#[block]
		{
			Pallet::<T>::on_initialize(executes);
		}
		for id in ids {
			assert!(matches!(
				Proposals::<T>::get(id).map(|p| p.status),
				Some(Status::Executed { .. })
			));
		}
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
